using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OneStop.Agencies.Contracts;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Http;

namespace OneStop.Licensing.Applications;

/// <summary>The applications API: applicants (and counter staff for walk-ins) apply and track; officers work their queues.</summary>
internal static class ApplicationEndpoints
{
    public static RouteGroupBuilder MapApplicationEndpoints(this RouteGroupBuilder group)
    {
        var mine = group.MapGroup("/applications").RequireAuthorization(Policies.Citizen);
        mine.MapPost("/", StartAsync).WithName("Licensing_Applications_Start")
            .WithSummary("Start a draft application for one or more licences")
            .WithDescription("The applicant is the signed-in person, for the company they act for if any. Honours Idempotency-Key.")
            .WithIdempotencyKey();
        mine.MapGet("/", MineAsync).WithName("Licensing_Applications_Mine").WithSummary("My applications (and my company's), newest first");
        mine.MapGet("/{id:guid}", GetAsync).WithName("Licensing_Applications_Get")
            .WithSummary("An application: every licence's status, who holds it, its due date, and the full history");
        mine.MapPut("/{id:guid}/answers", SaveAnswersAsync).WithName("Licensing_Applications_Answers")
            .WithSummary("Save answers (a draft's, or the fields marked when sent back); an empty value clears one");
        mine.MapPost("/{id:guid}/prefill", PrefillAsync).WithName("Licensing_Applications_Prefill")
            .WithSummary("Fill what the registries hold, read through the exchange with the application number as the purpose");
        mine.MapPut("/{id:guid}/documents/{key}", UploadAsync).WithName("Licensing_Applications_Upload")
            .WithSummary("Upload a document the registries do not hold (multipart field 'file'; PDF, JPEG or PNG, at most 10 MB)")
            .DisableAntiforgery();
        mine.MapGet("/{id:guid}/documents/{key}", (Guid id, string key, ClaimsPrincipal user, ReadDocument.Handler handler, CancellationToken ct)
                => FileOrProblemAsync(handler.ForApplicantAsync(Applicant.Of(user)!, id, key, ct)))
            .WithName("Licensing_Applications_Document").WithSummary("Download a document I uploaded");
        mine.MapPost("/{id:guid}/submit", SubmitAsync).WithName("Licensing_Applications_Submit")
            .WithSummary("Declare the answers true and submit; submitting again changes nothing");
        mine.MapPost("/{id:guid}/resubmit", ResubmitAsync).WithName("Licensing_Applications_Resubmit")
            .WithSummary("Send the corrected licences back to their reviewers");
        mine.MapPost("/{id:guid}/licences/{code}/renew", RenewAsync).WithName("Licensing_Applications_Renew")
            .WithSummary("Start renewing a granted licence: a new draft filled from this application's answers and documents")
            .WithDescription("Asking again returns the renewal already started. 409 licence.not_granted or licence.not_renewable when it cannot be renewed.");

        var counter = group.MapGroup("/counter/applications").RequireAuthorization(Policies.Officer);
        counter.MapPost("/", CounterStartAsync).WithName("Licensing_Counter_Start")
            .WithSummary("Counter staff start an application for a walk-in applicant, recording the identity check and consent")
            .WithIdempotencyKey();
        counter.MapPut("/{id:guid}/answers", CounterSaveAnswersAsync).WithName("Licensing_Counter_Answers").WithSummary("Save a walk-in's answers");
        counter.MapPost("/{id:guid}/prefill", CounterPrefillAsync).WithName("Licensing_Counter_Prefill").WithSummary("Prefill a walk-in's application from the registries");
        counter.MapPost("/{id:guid}/submit", CounterSubmitAsync).WithName("Licensing_Counter_Submit").WithSummary("Submit a walk-in's application with their declaration");

        var tasks = group.MapGroup("/tasks").RequireAuthorization(Policies.Officer);
        tasks.MapGet("/", QueueAsync).WithName("Licensing_Tasks_Queue")
            .WithSummary("My office's queue: open and claimed tasks, soonest due first (mine=true: only those I took)");
        tasks.MapGet("/{id:guid}", TaskAsync).WithName("Licensing_Tasks_Get")
            .WithSummary("A task with its application (the read is recorded in the application's history)");
        tasks.MapGet("/{id:guid}/documents/{key}", (Guid id, string key, ClaimsPrincipal user, ReadDocument.Handler handler, CancellationToken ct)
                => FileOrProblemAsync(handler.ForReviewerAsync(Officer.Of(user)!, SignedIn.NameOf(user), id, key, ct)))
            .WithName("Licensing_Tasks_Document").WithSummary("Download a document of the task's licence (the read is recorded in the application's history)");
        tasks.MapPost("/{id:guid}/claim", (Guid id, ClaimsPrincipal user, ClaimTask.Handler handler, ApplicationQueries queries, CancellationToken ct) => ClaimAsync(id, false, user, handler, queries, ct))
            .WithName("Licensing_Tasks_Claim").WithSummary("Take a task from the queue");
        tasks.MapPost("/{id:guid}/release", (Guid id, ClaimsPrincipal user, ClaimTask.Handler handler, ApplicationQueries queries, CancellationToken ct) => ClaimAsync(id, true, user, handler, queries, ct))
            .WithName("Licensing_Tasks_Release").WithSummary("Give a task back to the queue");
        tasks.MapPost("/{id:guid}/decision", DecideAsync).WithName("Licensing_Tasks_Decide")
            .WithSummary("Approve, send back (marking fields and documents) or reject (with a reason); give the task version you saw");
        return group;
    }

    private static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> StartAsync(
        StartApplication.Request request, ClaimsPrincipal user, StartApplication.Handler handler, ApplicationQueries queries, CancellationToken ct)
    {
        var result = await handler.HandleAsync(Applicant.Of(user)!, request, null, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/licensing/applications/{result.Value!.Id}", await queries.ViewAsync(result.Value, ct))
            : ApiProblems.From(result.Error!);
    }

    private static async Task<Ok<List<ApplicationSummary>>> MineAsync(ClaimsPrincipal user, ApplicationQueries queries, CancellationToken ct)
        => TypedResults.Ok(await queries.MineAsync(Applicant.Of(user)!, ct));

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, LicensingDbContext db, ApplicationQueries queries, CancellationToken ct)
        => await ApplicationAccess.LoadOwnedAsync(db, Applicant.Of(user)!, id, ct) is { } application
            ? TypedResults.Ok(await queries.ViewAsync(application, ct))
            : ApiProblems.From(ApplicationAccess.NotFound(id));

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> SaveAnswersAsync(
        Guid id, SaveAnswers.Request request, ClaimsPrincipal user, SaveAnswers.Handler handler, ApplicationQueries queries, CancellationToken ct)
        => await ViewOrProblemAsync(await handler.HandleAsync(Applicant.Of(user)!, id, request, ct), queries, ct);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> PrefillAsync(
        Guid id, ClaimsPrincipal user, PrefillApplication.Handler handler, ApplicationQueries queries, CancellationToken ct)
        => await ViewOrProblemAsync(await handler.HandleAsync(Applicant.Of(user)!, id, ct), queries, ct);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> UploadAsync(
        Guid id, string key, IFormFile? file, ClaimsPrincipal user, UploadDocument.Handler handler, ApplicationQueries queries, CancellationToken ct)
    {
        if (file is null)
        {
            return ApiProblems.Invalid("file", "Send the document as the multipart field 'file'.");
        }

        if (file.Length > UploadDocument.MaxBytes)
        {
            return ApiProblems.Invalid("file", $"Choose a file of at most {UploadDocument.MaxBytes / 1024 / 1024} MB.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return await ViewOrProblemAsync(await handler.HandleAsync(Applicant.Of(user)!, id, new UploadDocument.Request(key, file.FileName, buffer.ToArray()), ct), queries, ct);
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> SubmitAsync(
        Guid id, SubmitApplication.Request request, ClaimsPrincipal user, SubmitApplication.Handler handler, ApplicationQueries queries, CancellationToken ct)
        => await ViewOrProblemAsync(await handler.HandleAsync(Applicant.Of(user)!, id, request, ct), queries, ct);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> ResubmitAsync(
        Guid id, ClaimsPrincipal user, ResubmitApplication.Handler handler, ApplicationQueries queries, CancellationToken ct)
        => await ViewOrProblemAsync(await handler.HandleAsync(Applicant.Of(user)!, id, ct), queries, ct);

    private static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> RenewAsync(
        Guid id, string code, ClaimsPrincipal user, RenewLicence.Handler handler, ApplicationQueries queries, CancellationToken ct)
    {
        var result = await handler.HandleAsync(Applicant.Of(user)!, id, code, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/licensing/applications/{result.Value!.Id}", await queries.ViewAsync(result.Value, ct))
            : ApiProblems.From(result.Error!);
    }

    /// <summary>
    /// What counter staff record for a walk-in: who they are (checked against their ID card), their consent, and
    /// the company they file for when they are a director who may sign for it (the registry is asked).
    /// </summary>
    private static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> CounterStartAsync(
        CounterRequest request, ClaimsPrincipal user, StartAtCounter.Handler handler, ApplicationQueries queries, CancellationToken ct)
    {
        if (CounterStaff.Of(user) is not { } staff)
        {
            return ApiProblems.From(CounterStaff.NotCounterStaff);
        }

        var result = await handler.HandleAsync(staff, request, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/licensing/applications/{result.Value!.Id}", await queries.ViewAsync(result.Value, ct))
            : ApiProblems.From(result.Error!);
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> CounterSaveAnswersAsync(
        Guid id, SaveAnswers.Request request, ClaimsPrincipal user, SaveAnswers.Handler handler, ApplicationQueries queries, CancellationToken ct)
        => CounterStaff.Of(user) is { } staff
            ? await ViewOrProblemAsync(await handler.HandleAsync(staff.Applicant, id, request, ct), queries, ct)
            : ApiProblems.From(CounterStaff.NotCounterStaff);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> CounterPrefillAsync(
        Guid id, ClaimsPrincipal user, PrefillApplication.Handler handler, ApplicationQueries queries, CancellationToken ct)
        => CounterStaff.Of(user) is { } staff
            ? await ViewOrProblemAsync(await handler.HandleAsync(staff.Applicant, id, ct), queries, ct)
            : ApiProblems.From(CounterStaff.NotCounterStaff);

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> CounterSubmitAsync(
        Guid id, SubmitApplication.Request request, ClaimsPrincipal user, SubmitApplication.Handler handler, ApplicationQueries queries, CancellationToken ct)
        => CounterStaff.Of(user) is { } staff
            ? await ViewOrProblemAsync(await handler.HandleAsync(staff.Applicant, id, request, ct), queries, ct)
            : ApiProblems.From(CounterStaff.NotCounterStaff);

    private static async Task<Ok<List<TaskView>>> QueueAsync(ClaimsPrincipal user, ApplicationQueries queries, bool? mine, int? page, CancellationToken ct)
        => TypedResults.Ok(await queries.QueueAsync(Officer.Of(user)!, mine == true, SignedIn.SubjectOf(user), page ?? 1, ct));

    private static async Task<Results<Ok<OpenTask.Details>, ProblemHttpResult>> TaskAsync(Guid id, ClaimsPrincipal user, OpenTask.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(Officer.Of(user)!, SignedIn.NameOf(user), id, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : ApiProblems.From(result.Error!);
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> ClaimAsync(Guid id, bool release, ClaimsPrincipal user, ClaimTask.Handler handler, ApplicationQueries queries, CancellationToken ct)
    {
        var result = await handler.HandleAsync(Officer.Of(user)!, SignedIn.SubjectOf(user), SignedIn.NameOf(user), id, release, ct);
        return result.IsSuccess ? TypedResults.Ok(ApplicationQueries.ViewOf(result.Value!, queries.Today)) : ApiProblems.From(result.Error!);
    }

    private static async Task<Results<Ok<TaskView>, ProblemHttpResult>> DecideAsync(
        Guid id, DecideTask.Request request, ClaimsPrincipal user, DecideTask.Handler handler, ApplicationQueries queries, CancellationToken ct)
    {
        var result = await handler.HandleAsync(Officer.Of(user)!, SignedIn.SubjectOf(user), SignedIn.NameOf(user), id, request, ct);
        return result.IsSuccess ? TypedResults.Ok(ApplicationQueries.ViewOf(result.Value!, queries.Today)) : ApiProblems.From(result.Error!);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileOrProblemAsync(Task<Result<ReadDocument.File>> read)
    {
        var result = await read;
        return result.Value is { } file ? TypedResults.File(file.Content, file.ContentType, file.FileName) : ApiProblems.From(result.Error!);
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> ViewOrProblemAsync(Result<LicenceApplication> result, ApplicationQueries queries, CancellationToken ct)
        => result.IsSuccess ? TypedResults.Ok(await queries.ViewAsync(result.Value!, ct)) : ApiProblems.From(result.Error!);
}

/// <summary>An officer with the counter-staff role, at their office (or their agency's head office when they have none).</summary>
internal sealed record CounterStaff(string Subject, string Name, string OfficeCode)
{
    public static readonly Error NotCounterStaff = new("counter.role_required", "Only counter staff file applications for walk-in applicants.", ErrorKind.Forbidden);

    public Applicant Applicant => Applicant.AtCounter(Subject, Name, OfficeCode);

    public static CounterStaff? Of(ClaimsPrincipal user)
        => Officer.Of(user) is { } officer && officer.Roles.Contains(OfficerRoleCodes.CounterStaff)
            ? new CounterStaff(SignedIn.SubjectOf(user), SignedIn.NameOf(user), officer.OfficeCode ?? $"{officer.AgencyCode}-HQ")
            : null;
}
