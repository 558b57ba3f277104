using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.Licensing;

/// <summary>Business licensing: the catalogue of licences, the guide, applications and their review by agencies.</summary>
public static class LicensingModule
{
    public static WebApplicationBuilder AddLicensingModule(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddValidation();
        return builder;
    }

    public static WebApplication MapLicensingModule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/licensing").WithTags("Licensing");
        _ = api;
        return app;
    }
}
