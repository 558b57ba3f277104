using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Agencies.Contracts;
using OneStop.Agencies.Data;
using OneStop.Agencies.Directory;
using OneStop.Agencies.Holidays;
using OneStop.Agencies.Seeding;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Agencies;

/// <summary>Agencies, their offices, officer roles and the government holiday calendar.</summary>
public static class AgenciesModule
{
    public static WebApplicationBuilder AddAgenciesModule(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModuleDbContext<AgenciesDbContext, SqliteAgenciesDbContext, PostgresAgenciesDbContext>(AgenciesDbContext.Module);
        var services = builder.Services;
        services.AddValidation();
        services.AddScoped<AgencyQueries>();
        services.AddScoped<AddHoliday.Handler>();
        services.AddScoped<RemoveHoliday.Handler>();
        services.AddScoped<IAgencyDirectory, AgencyDirectory>();
        services.AddScoped<IWorkingDayCalendar, WorkingDayCalendar>();
        services.AddSingleton<HolidayDates>();
        services.AddMemoryCache();
        services.AddScoped<IModuleSeeder, AgenciesSeeder>();
        services.AddNavigationItem(new NavigationItem("/Agencies", "หน่วยงาน", "Agencies", Order: 10));
        services.AddNavigationItem(new NavigationItem("/Agencies/Holidays", "วันหยุดราชการ", "Holidays", Order: 11));
        return builder;
    }

    public static WebApplication MapAgenciesModule(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/agencies")
            .WithTags("Agencies")
            .MapHolidayEndpoints()
            .MapAgencyEndpoints();
        return app;
    }
}
