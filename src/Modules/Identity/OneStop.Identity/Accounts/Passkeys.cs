using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using OneStop.Identity.Data;
using OneStop.Identity.Server;

namespace OneStop.Identity.Accounts;

/// <summary>
/// Passkeys (WebAuthn, checked by the Fido2 library): discoverable credentials with user
/// verification, so one touch is two factors bound to this site's origin (AAL2 phishing-resistant).
/// A ceremony's options travel to the browser and back in a protected, five-minute state field;
/// each sign-in challenge works once on every node.
/// </summary>
internal sealed class Passkeys(DigitalIdDbContext db, IDataProtectionProvider protection, IConfiguration configuration, TimeProvider clock)
{
    private static readonly TimeSpan CeremonyLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The longest credential id WebAuthn allows.</summary>
    public const int MaxCredentialIdBytes = 1023;

    public const int MaxNameLength = 60;

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("OneStop.Identity.Passkeys").ToTimeLimitedDataProtector();

    /// <summary>Options for navigator.credentials.create (JSON) and the state to post back with the result.</summary>
    public async Task<Ceremony> CreationOptionsAsync(HttpRequest request, Account account, CancellationToken cancellationToken)
    {
        var existing = await db.Passkeys.Where(p => p.AccountId == account.Id).Select(p => p.CredentialId).ToListAsync(cancellationToken);
        var options = Fido(request).RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = account.Id.ToByteArray(), Name = account.Email ?? account.Id.ToString(), DisplayName = DisplayName(account) },
            ExcludeCredentials = [.. existing.Select(id => new PublicKeyCredentialDescriptor(id))],
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Required,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        var json = options.ToJson();
        return new Ceremony(json, Protect(CreatePurpose(account), json));
    }

    /// <summary>Checks the browser's answer to <see cref="CreationOptionsAsync"/> and keeps the new passkey.</summary>
    public async Task<PasskeyError?> AddAsync(HttpRequest request, Account account, string? state, string? credentialJson, string? name, CancellationToken cancellationToken)
    {
        if (Unprotect(CreatePurpose(account), state) is not { } optionsJson)
        {
            return PasskeyError.Expired;
        }

        try
        {
            var response = JsonSerializer.Deserialize<AuthenticatorAttestationRawResponse>(credentialJson ?? string.Empty);
            if (response is null)
            {
                return PasskeyError.Invalid;
            }

            var credential = await Fido(request).MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = CredentialCreateOptions.FromJson(optionsJson),
                IsCredentialIdUniqueToUserCallback = async (args, ct) => !await db.Passkeys.AnyAsync(p => p.CredentialId == args.CredentialId, ct),
            }, cancellationToken);
            if (credential.Id.Length > MaxCredentialIdBytes)
            {
                return PasskeyError.Invalid;
            }

            db.Passkeys.Add(new Passkey
            {
                Id = Guid.NewGuid(),
                AccountId = account.Id,
                CredentialId = credential.Id,
                PublicKey = credential.PublicKey,
                SignCount = credential.SignCount,
                AaGuid = credential.AaGuid,
                Name = CleanName(name),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (e is JsonException or Fido2VerificationException or FormatException or ArgumentException)
        {
            return PasskeyError.Invalid;
        }
        catch (DbUpdateException)
        {
            // The same authenticator answered twice (a double submit): it is registered already.
            db.ChangeTracker.Clear();
            return PasskeyError.Invalid;
        }
    }

    /// <summary>Options for navigator.credentials.get: any passkey of this site (the person is not known yet).</summary>
    public Ceremony RequestOptions(HttpRequest request)
    {
        var options = Fido(request).GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [],
            UserVerification = UserVerificationRequirement.Required,
        });
        var json = options.ToJson();
        return new Ceremony(json, Protect(SignInPurpose, json));
    }

    /// <summary>The account whose passkey signed the challenge, or why not.</summary>
    public async Task<(Guid? AccountId, PasskeyError? Error)> VerifyAsync(HttpRequest request, string? state, string? credentialJson, CancellationToken cancellationToken)
    {
        if (Unprotect(SignInPurpose, state) is not { } optionsJson)
        {
            return (null, PasskeyError.Expired);
        }

        try
        {
            var response = JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(credentialJson ?? string.Empty);
            if (response?.RawId is not { Length: > 0 and <= MaxCredentialIdBytes } credentialId)
            {
                return (null, PasskeyError.Invalid);
            }

            var passkey = await db.Passkeys.SingleOrDefaultAsync(p => p.CredentialId == credentialId, cancellationToken);
            if (passkey is null)
            {
                return (null, PasskeyError.Unknown);
            }

            var options = AssertionOptions.FromJson(optionsJson);
            var result = await Fido(request).MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = options,
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = (uint)passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) => Task.FromResult(args.UserHandle.AsSpan().SequenceEqual(passkey.AccountId.ToByteArray())),
            }, cancellationToken);

            var now = clock.GetUtcNow().UtcDateTime;
            if (!await UsedOnce.RecordAsync(db, "webauthn:" + Convert.ToBase64String(options.Challenge), now + CeremonyLifetime, now, cancellationToken))
            {
                return (null, PasskeyError.Expired);
            }

            passkey.SignCount = result.SignCount;
            passkey.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return (passkey.AccountId, null);
        }
        catch (Exception e) when (e is JsonException or Fido2VerificationException or FormatException or ArgumentException)
        {
            return (null, PasskeyError.Invalid);
        }
    }

    public Task<List<Passkey>> ListAsync(Guid accountId, CancellationToken cancellationToken)
        => db.Passkeys.AsNoTracking().Where(p => p.AccountId == accountId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);

    public Task<bool> AnyAsync(Guid accountId, CancellationToken cancellationToken)
        => db.Passkeys.AnyAsync(p => p.AccountId == accountId, cancellationToken);

    public Task<int> CountAsync(Guid accountId, CancellationToken cancellationToken)
        => db.Passkeys.CountAsync(p => p.AccountId == accountId, cancellationToken);

    /// <summary>Removes one of the account's passkeys; removing one already gone is not an error.</summary>
    public Task RemoveAsync(Guid accountId, Guid passkeyId, CancellationToken cancellationToken)
        => db.Passkeys.Where(p => p.AccountId == accountId && p.Id == passkeyId).ExecuteDeleteAsync(cancellationToken);

    private const string SignInPurpose = "get";

    private static string CreatePurpose(Account account) => "create:" + account.Id;

    private string Protect(string purpose, string optionsJson) => Protector.Protect(purpose + "\n" + optionsJson, CeremonyLifetime);

    private string? Unprotect(string purpose, string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return null;
        }

        try
        {
            var text = Protector.Unprotect(state);
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            return newline > 0 && text[..newline] == purpose ? text[(newline + 1)..] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // expired, tampered or from another deployment
        }
    }

    /// <summary>
    /// The relying party is this site: its host, or <c>Identity:Passkeys:RelyingPartyId</c> and
    /// <c>Identity:Passkeys:Origins</c> when a deployment answers on several names.
    /// </summary>
    private Fido2 Fido(HttpRequest request)
    {
        var section = configuration.GetSection("Identity:Passkeys");
        var origins = section.GetSection("Origins").Get<string[]>() is { Length: > 0 } configured
            ? configured
            : [$"{request.Scheme}://{request.Host.Value}"];
        return new Fido2(new Fido2Configuration
        {
            RPID = section["RelyingPartyId"] is { Length: > 0 } id ? id : request.Host.Host,
            RPName = "OneStop Digital ID",
            Origins = origins.ToHashSet(StringComparer.Ordinal),
            Timeout = (uint)CeremonyLifetime.TotalMilliseconds,
        }, metadataService: null);
    }

    private static string DisplayName(Account account)
        => account.GivenName is { Length: > 0 } ? $"{account.GivenName} {account.FamilyName}".Trim() : account.Email ?? account.Id.ToString();

    private static string CleanName(string? name)
    {
        var clean = new string((name ?? string.Empty).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? "Passkey" : clean[..Math.Min(clean.Length, MaxNameLength)];
    }
}

/// <summary>What the browser needs for one WebAuthn ceremony: the options (JSON) and the protected state to post back.</summary>
internal sealed record Ceremony(string OptionsJson, string State);

internal enum PasskeyError
{
    /// <summary>The ceremony is over five minutes old, was used already, or its state was altered.</summary>
    Expired,

    /// <summary>The authenticator's answer did not verify (origin, challenge, signature, user verification…).</summary>
    Invalid,

    /// <summary>No account has this passkey (it was removed, or belongs to another site).</summary>
    Unknown,
}

/// <summary>A passkey bound to an account: the credential's public key and signature counter.</summary>
internal sealed class Passkey
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public required byte[] CredentialId { get; set; }

    /// <summary>COSE-encoded public key.</summary>
    public required byte[] PublicKey { get; set; }

    public long SignCount { get; set; }

    /// <summary>The authenticator model (zero when the authenticator does not say).</summary>
    public Guid AaGuid { get; set; }

    /// <summary>The person's own label, such as "My phone".</summary>
    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }
}

/// <summary>What the shared passkey form shows: one ceremony, where it posts, and how the button reads.</summary>
internal sealed record PasskeyForm(Ceremony Ceremony, string Action, bool Create, string ButtonText, bool Primary, string? ReturnUrl, int Level, string? Intro = null);
