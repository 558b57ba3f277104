using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Accounts;
using OneStop.Identity.Server;
using OneStop.SharedKernel.Geography;
using OneStop.SharedKernel.Hosting;
using OneStop.SyntheticData;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Seeding;

/// <summary>
/// The platform's own client (always), and demo clients of the provider (only with demo data: their
/// secrets are published in the README): an agency system that gets tokens with client credentials,
/// and a third-party portal that signs people in with the authorization code flow.
/// </summary>
internal sealed class IdentitySeeder(IOpenIddictApplicationManager applications, UserManager<Account> users, TimeProvider clock) : IModuleSeeder
{
    /// <summary>An administrator for each agency behind the demo registries (they create their officers).</summary>
    public static readonly (string Email, string Agency, string Name)[] DemoAdministrators =
    [
        ("admin.dopa@demo.onestop.test", "13003000", "ผู้ดูแล กรมการปกครอง"),
        ("admin.dbd@demo.onestop.test", "12007000", "ผู้ดูแล กรมพัฒนาธุรกิจการค้า"),
        ("admin.customs@demo.onestop.test", "03005000", "ผู้ดูแล กรมศุลกากร"),
    ];

    /// <summary>Officers who review demo licence applications, counter staff who file them for walk-ins, and finance officers (refunds; reconciliation at the DGA, which collects).</summary>
    public static readonly (string Email, string Agency, string? Office, string Name, string[] Roles)[] DemoLicensingOfficers =
    [
        ("reviewer.bma@demo.onestop.test", "22000000", null, "ผู้ตรวจ กรุงเทพมหานคร", ["reviewer", "officer", "approver"]),
        ("counter.bma@demo.onestop.test", "22000000", "22000000-1001", "เคาน์เตอร์ เขตพระนคร", ["counter-staff"]),
        ("reviewer.excise@demo.onestop.test", "03006000", null, "ผู้ตรวจ กรมสรรพสามิต", ["reviewer", "approver", "agency-admin"]),
        ("reviewer.cmcity@demo.onestop.test", "LG500002", null, "ผู้ตรวจ เทศบาลนครเชียงใหม่", ["reviewer", "officer", "approver"]),
        ("finance.bma@demo.onestop.test", "22000000", null, "การเงิน กรุงเทพมหานคร", ["finance"]),
        ("finance.dga@demo.onestop.test", "10009000", null, "การเงิน สพร", ["finance"]),
    ];

    public const string DemoAgency = "demo-agency";
    public const string DemoAgencySecret = "demo-agency-secret";
    public const string DemoPortal = "demo-portal";
    public const string DemoPortalSecret = "demo-portal-secret";

    /// <summary>Where the demo portal (and the openid-client conformance test) receives codes.</summary>
    public static readonly string[] DemoPortalRedirects = ["http://127.0.0.1:5081/callback", "http://localhost:5081/callback"];

    /// <summary>The platform administrator of the demo (exchange directory, holidays).</summary>
    public const string DemoPlatformAdmin = "admin@demo.onestop.test";

    /// <summary>What the platform's own pages may ask about the person signed in.</summary>
    private static readonly string[] PlatformScopes =
    [
        Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + OidcServer.ExtraScopes.Pid,
        Permissions.Prefixes.Scope + OidcServer.ExtraScopes.Agency, Permissions.Prefixes.Scope + OidcServer.ExtraScopes.Companies,
    ];

    /// <summary>The platform's own pages sign in through this provider, in every deployment.</summary>
    public async Task SeedReferenceDataAsync(CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(PlatformClient.ClientId, cancellationToken) is { } existing)
        {
            // Deployments seeded earlier lack the scopes added since (companies, e-mail).
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, existing, cancellationToken);
            if (!descriptor.Permissions.IsSupersetOf(PlatformScopes))
            {
                descriptor.Permissions.UnionWith(PlatformScopes);
                await applications.PopulateAsync(existing, descriptor, cancellationToken);
                await applications.UpdateAsync(existing, cancellationToken);
            }

            return;
        }

        var platform = new OpenIddictApplicationDescriptor
        {
            // Public: the pages run on this node and keep no secret; PKCE and the same-origin callback
            // (ClientManager) bind the code to them. Consent is implicit: it is the platform itself.
            ClientId = PlatformClient.ClientId, ClientType = ClientTypes.Public, ConsentType = ConsentTypes.Implicit,
            DisplayName = "OneStop",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        platform.Permissions.UnionWith(PlatformScopes);
        platform.DisplayNames[CultureInfo.GetCultureInfo("th")] = "วันสต็อป";
        await applications.CreateAsync(platform, cancellationToken);
    }

    public async Task SeedDemoDataAsync(CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(DemoAgency, cancellationToken) is null)
        {
            var agency = new OpenIddictApplicationDescriptor
            {
                ClientId = DemoAgency, ClientSecret = DemoAgencySecret, ClientType = ClientTypes.Confidential,
                DisplayName = "Demo agency system",
                Permissions =
                {
                    Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection,
                    Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + OidcServer.ExtraScopes.Exchange,
                },
            };
            agency.DisplayNames[CultureInfo.GetCultureInfo("th")] = "ระบบหน่วยงานสาธิต";
            await applications.CreateAsync(agency, cancellationToken);
        }

        if (await applications.FindByClientIdAsync(DemoPortal, cancellationToken) is null)
        {
            var portal = new OpenIddictApplicationDescriptor
            {
                ClientId = DemoPortal, ClientSecret = DemoPortalSecret, ClientType = ClientTypes.Confidential,
                ConsentType = ConsentTypes.Explicit, DisplayName = "Demo business portal",
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.PushedAuthorization, Permissions.Endpoints.Token,
                    Permissions.Endpoints.EndSession, Permissions.Endpoints.Revocation,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Address,
                    Permissions.Prefixes.Scope + OidcServer.ExtraScopes.Pid, Permissions.Prefixes.Scope + OidcServer.ExtraScopes.Companies,
                    Permissions.Prefixes.Scope + OidcServer.ExtraScopes.Agency,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            portal.DisplayNames[CultureInfo.GetCultureInfo("th")] = "พอร์ทัลธุรกิจสาธิต";
            foreach (var redirect in DemoPortalRedirects)
            {
                portal.RedirectUris.Add(new Uri(redirect));
                portal.PostLogoutRedirectUris.Add(new Uri(redirect.Replace("/callback", "/", StringComparison.Ordinal)));
            }

            await applications.CreateAsync(portal, cancellationToken);
        }

        foreach (var (email, agency, name) in DemoAdministrators)
        {
            await AddDemoOfficerAsync(email, agency, null, name, [Agencies.Contracts.OfficerRoleCodes.AgencyAdmin, Agencies.Contracts.OfficerRoleCodes.Officer]);
        }

        foreach (var (email, agency, office, name, roles) in DemoLicensingOfficers)
        {
            await AddDemoOfficerAsync(email, agency, office, name, roles);
        }

        if (await users.FindByEmailAsync(DemoPlatformAdmin) is null)
        {
            var operatorAccount = new Account
            {
                UserName = DemoPlatformAdmin, Email = DemoPlatformAdmin, EmailConfirmed = true,
                GivenName = "ผู้ดูแลระบบ", FamilyName = "วันสต็อป", CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(operatorAccount, DemoAccounts.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo platform administrator not created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await PlatformRoles.GrantAsync(users, operatorAccount, Roles.Admin);
        }
    }

    private async Task AddDemoOfficerAsync(string email, string agency, string? office, string name, string[] roles)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var parts = name.Split(' ', 2);
        var officer = new Account
        {
            UserName = email, Email = email, EmailConfirmed = true, Kind = AccountKind.Officer, AgencyCode = agency, OfficeCode = office,
            GivenName = parts[0], FamilyName = parts[1], CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(officer, DemoAccounts.Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Demo officer not created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddClaimsAsync(officer, roles.Select(r => new System.Security.Claims.Claim(OfficerAccounts.RoleClaim, r)));
    }
}

/// <summary>
/// Demo Digital ID accounts for the documented synthetic citizens, proofed at IAL2 from the same
/// synthetic registry data (README lists them with their password).
/// </summary>
internal sealed class DemoAccounts(UserManager<Account> users, TimeProvider clock) : ISyntheticDataSink
{
    public const string Password = "Thai-Demo-2569";
    public const int Count = 3;

    public static string EmailOf(int index) => $"citizen{index + 1}@demo.onestop.test";

    public async Task StoreAsync(SyntheticDataSet dataSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        var documented = SyntheticDataGenerator.DocumentedCitizenIds.Take(Count).ToList();
        for (var i = 0; i < documented.Count; i++)
        {
            var citizen = dataSet.Citizens.FirstOrDefault(c => c.CitizenId.Value == documented[i]);
            if (citizen is null || await users.Users.AnyAsync(a => a.CitizenId == citizen.CitizenId.Value, cancellationToken))
            {
                continue;
            }

            var a = citizen.Address;
            var address = new ThaiAddress(a.HouseNo, a.Moo, a.Soi, a.Road, a.SubdistrictTh, a.DistrictTh, a.ProvinceTh, a.Postcode) { ProvinceEn = a.ProvinceEn };
            var account = new Account
            {
                UserName = EmailOf(i), Email = EmailOf(i), EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime,
                CitizenId = citizen.CitizenId.Value, IdentityLevel = IdentityLevels.Ial2, ProofedAt = clock.GetUtcNow().UtcDateTime, ProofingMethod = "demo-data",
                Title = citizen.TitleTh, GivenName = citizen.GivenNameTh, FamilyName = citizen.FamilyNameTh,
                GivenNameEn = citizen.GivenNameEn, FamilyNameEn = citizen.FamilyNameEn,
                BirthDate = citizen.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Gender = citizen.Gender.ToString().ToLowerInvariant(),
                Address = address.Formatted(), Province = a.ProvinceTh, PostalCode = a.Postcode,
            };
            var created = await users.CreateAsync(account, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo account not created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }
    }
}
