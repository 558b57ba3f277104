namespace OneStop.SharedKernel.Hosting;

/// <summary>Authorization policy names shared by all modules.</summary>
public static class Policies
{
    /// <summary>Platform administrators: reference data such as the holiday calendar.</summary>
    public const string Admin = "Admin";
}

/// <summary>Role claim values issued by the identity provider.</summary>
public static class Roles
{
    public const string Admin = "Admin";
}
