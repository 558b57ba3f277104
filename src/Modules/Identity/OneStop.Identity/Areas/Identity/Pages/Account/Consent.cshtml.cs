using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Server;
using OneStop.SharedKernel;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Areas.Identity.Pages.Account;

/// <summary>Asks the person whether a third-party application may sign them in and receive the listed data.</summary>
[Authorize(AuthenticationSchemes = ProtocolEndpoints.SessionScheme)]
internal sealed class ConsentModel(UserManager<Accounts.Account> users, IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ClientId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string ClientName { get; private set; } = string.Empty;

    public IReadOnlyList<string> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var application = await LoadAsync(ct);
        return application is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string decision, CancellationToken ct)
    {
        var application = await LoadAsync(ct);
        var account = await users.GetUserAsync(User);
        if (application is null || account is null)
        {
            return NotFound();
        }

        if (decision != "allow")
        {
            Response.Cookies.Append(ProtocolEndpoints.ConsentDeniedCookie, ClientId!, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromMinutes(10) });
            return LocalRedirect(AuthorizeUrl());
        }

        var scopes = RequestedScopes();
        var identity = new ClaimsIdentity(TokenValidationParametersDefaults.AuthenticationType);
        identity.SetClaim(Claims.Subject, account.Id.ToString()).SetScopes(scopes);
        await authorizations.CreateAsync(new ClaimsPrincipal(identity), account.Id.ToString(), (await applications.GetIdAsync(application, ct))!, AuthorizationTypes.Permanent, scopes, ct);
        Response.Cookies.Append(ProtocolEndpoints.ConsentGivenCookie, ClientId!, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromMinutes(10) });
        return LocalRedirect(AuthorizeUrl());
    }

    private async Task<object?> LoadAsync(CancellationToken ct)
    {
        var application = string.IsNullOrEmpty(ClientId) ? null : await applications.FindByClientIdAsync(ClientId, ct);
        if (application is null || !ReturnUrlIsAuthorize())
        {
            return null;
        }

        var names = await applications.GetDisplayNamesAsync(application, ct);
        ClientName = (Bilingual.IsThai && names.TryGetValue(CultureInfo.GetCultureInfo("th"), out var thai) ? thai : await applications.GetDisplayNameAsync(application, ct)) ?? ClientId!;
        Items = [.. RequestedScopes().Select(Describe).OfType<string>()];
        return application;
    }

    private bool ReturnUrlIsAuthorize() => ReturnUrl is { } url && url.StartsWith(OidcServer.AuthorizePath + "?", StringComparison.Ordinal);

    private string AuthorizeUrl() => ReturnUrlIsAuthorize() ? ReturnUrl! : "/";

    private System.Collections.Immutable.ImmutableArray<string> RequestedScopes() => [.. (Scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>What a scope releases, in people's words; null for one that releases nothing to name.</summary>
    internal static string? Describe(string scope) => scope switch
    {
        Scopes.OpenId => Bilingual.Pick("รู้ว่าคุณคือใคร (รหัสผู้ใช้ที่ไม่เปิดเผยตัวตน)", "Know it is you (an identifier that reveals nothing else)"),
        Scopes.Profile => Bilingual.Pick("ชื่อ คำนำหน้า วันเกิด และเพศ", "Your name, title, birth date and gender"),
        Scopes.Email => Bilingual.Pick("อีเมล", "Your e-mail address"),
        Scopes.Address => Bilingual.Pick("ที่อยู่ตามทะเบียนบ้าน", "Your house-registration address"),
        Scopes.OfflineAccess => Bilingual.Pick("ใช้งานต่อเมื่อคุณไม่ได้ใช้งานอยู่ (จนกว่าจะยกเลิก)", "Keep access while you are away (until you revoke it)"),
        OidcServer.ExtraScopes.Pid => Bilingual.Pick("เลขประจำตัวประชาชน", "Your citizen ID"),
        OidcServer.ExtraScopes.Companies => Bilingual.Pick("นิติบุคคลที่คุณทำการแทนได้", "The companies you may act for"),
        OidcServer.ExtraScopes.Agency => Bilingual.Pick("หน่วยงาน สำนักงาน และบทบาทของคุณในฐานะเจ้าหน้าที่", "Your agency, office and roles as an officer"),
        _ => null,
    };
}

/// <summary>Avoids a dependency on IdentityModel for one constant.</summary>
internal static class TokenValidationParametersDefaults
{
    public const string AuthenticationType = "AuthenticationTypes.Federation";
}
