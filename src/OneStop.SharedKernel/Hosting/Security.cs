namespace OneStop.SharedKernel.Hosting;

/// <summary>Authorization policy names shared by all modules.</summary>
public static class Policies
{
    /// <summary>Platform administrators: reference data such as the holiday calendar.</summary>
    public const string Admin = "Admin";

    /// <summary>A signed-in person with a verified citizen ID (claim <see cref="Claims.CitizenId"/>).</summary>
    public const string Citizen = "Citizen";
}

/// <summary>Claim types shared by the modules, named as ThaiD names them.</summary>
public static class Claims
{
    /// <summary>The 13-digit citizen ID of the signed-in person.</summary>
    public const string CitizenId = "pid";
}

/// <summary>Role claim values issued by the identity provider.</summary>
public static class Roles
{
    public const string Admin = "Admin";
}
