namespace OneStop.SharedKernel.Hosting;

/// <summary>Authorization policy names shared by all modules.</summary>
public static class Policies
{
    /// <summary>Platform administrators: reference data such as the holiday calendar.</summary>
    public const string Admin = "Admin";

    /// <summary>A signed-in person with a verified citizen ID (claim <see cref="Claims.CitizenId"/>).</summary>
    public const string Citizen = "Citizen";

    /// <summary>An agency officer (claim <see cref="Claims.AgencyCode"/>); what they may do is checked per agency with <see cref="Officer"/>.</summary>
    public const string Officer = "Officer";
}

/// <summary>Authentication schemes one module offers and others use.</summary>
public static class Schemes
{
    /// <summary>OAuth 2.0 bearer access tokens issued by the Digital ID (client credentials of agency systems).</summary>
    public const string AccessToken = "AccessToken";
}

/// <summary>OAuth 2.0 scopes shared by the modules.</summary>
public static class OAuthScopes
{
    /// <summary>Lets an agency system call the government data exchange.</summary>
    public const string Exchange = "exchange";
}

/// <summary>Claim types shared by the modules, named as ThaiD names them.</summary>
public static class Claims
{
    /// <summary>The 13-digit citizen ID of the signed-in person.</summary>
    public const string CitizenId = "pid";

    /// <summary>The code of the agency an officer works for.</summary>
    public const string AgencyCode = "agency_code";

    /// <summary>The code of the officer's office within the agency, when they have one.</summary>
    public const string OfficeCode = "office_code";

    /// <summary>The officer's roles at their agency, space-separated (see the Agencies contract's role codes).</summary>
    public const string AgencyRoles = "agency_roles";

    /// <summary>The signed-in person's account identifier.</summary>
    public const string Subject = "sub";

    /// <summary>The signed-in person's e-mail address, when released.</summary>
    public const string Email = "email";
}

/// <summary>Role claim values issued by the identity provider.</summary>
public static class Roles
{
    public const string Admin = "Admin";
}

/// <summary>
/// The platform's own pages as an OpenID Connect client of the Digital ID on the same node: a public
/// client (PKCE) whose only redirect is the callback on the origin that served the authorization request.
/// </summary>
public static class PlatformClient
{
    public const string ClientId = "onestop-platform";

    public const string CallbackPath = "/signin-oidc";

    /// <summary>
    /// The one sign-out (a POST with the page's antiforgery token): it ends the platform's session and the
    /// Digital ID's, so that every sign-out button on the site, in the header or on the Digital ID's pages, posts here.
    /// </summary>
    public const string SignOutPath = "/signout";

    /// <summary>Where a page sends someone to sign in to the platform (with <c>?returnUrl=</c>).</summary>
    public const string SignInPath = "/signin";

    /// <summary>
    /// Signs in to the platform again, which takes no step from someone signed in to the Digital ID, so that the
    /// platform's session learns what changed there (the company acted for, a proved identity), then goes on.
    /// </summary>
    public static string Refresh(string returnUrl) => SignInPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl);

    /// <summary>The scope that releases the companies a person may act for, and the one acted for now.</summary>
    public const string CompaniesScope = "companies";

    /// <summary>The scope that releases an officer's agency, office and roles (<see cref="Officer"/>).</summary>
    public const string AgencyScope = "agency";

    /// <summary>The companies a person may act for: a JSON object of juristic ID to <c>{"name", "role"}</c>.</summary>
    public const string CompaniesClaim = "companies";

    /// <summary>The juristic ID of the company the person acts for in this session (absent: for themselves).</summary>
    public const string ActForClaim = "act_for";

    /// <summary>The scope that releases platform roles (<see cref="Roles"/>) as <c>role</c> claims.</summary>
    public const string RolesScope = "roles";

    public const string RoleClaim = "role";
}
