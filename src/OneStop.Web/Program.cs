using OneStop.Agencies;
using OneStop.Documents;
using OneStop.Exchange;
using OneStop.Identity;
using OneStop.Licensing;
using OneStop.Notifications;
using OneStop.Payments;
using OneStop.Registries;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.Web.Commands;
using OneStop.Web.Platform;

var builder = WebApplication.CreateBuilder(args);

builder.AddOneStopPlatform();
builder.AddAgenciesModule();
builder.AddRegistriesModule();
builder.AddExchangeModule();
builder.AddIdentityModule();
builder.AddLicensingModule();
builder.AddNotificationsModule();
builder.AddPaymentsModule();
builder.AddDocumentsModule();

var app = builder.Build();

app.UseOneStopPlatform();
app.MapAgenciesModule();
app.MapRegistriesModule();
app.MapExchangeModule();
app.MapIdentityModule();
app.MapLicensingModule();
app.MapNotificationsModule();
app.MapPaymentsModule();
app.MapDocumentsModule();
app.MapOneStopPlatform();

await app.Services.MigrateModulesAsync();

if (ProgramCommands.IsCommand(args))
{
    return await ProgramCommands.RunAsync(app.Services, args);
}

await app.Services.SeedModulesAsync(app.Configuration);
await app.Services.SeedDemoPeopleAsync(app.Configuration);
await app.RunAsync();
return 0;
