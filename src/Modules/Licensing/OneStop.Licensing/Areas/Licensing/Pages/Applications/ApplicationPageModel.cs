using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Licensing.Applications;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;

namespace OneStop.Licensing.Areas.Licensing.Pages.Applications;

/// <summary>
/// A page about one of the signed-in person's applications (anyone else's is not there: 404), or, for counter
/// staff, one their office filed for a walk-in and may still work on.
/// </summary>
[Authorize]
internal abstract class ApplicationPageModel(LicensingDbContext db, ApplicationQueries queries, ILicenceTerms catalogue) : PageModel
{
    public ApplicationView Application { get; private set; } = null!;

    /// <summary>Counter staff act for the walk-ins of their office; anyone else for themselves (or the company they act for).</summary>
    protected Applicant Applicant => CounterStaff.Of(User)?.Applicant ?? Applicant.Of(User)!;

    /// <summary>Whether the page is served to counter staff acting for a walk-in.</summary>
    public bool AtCounter => CounterStaff.Of(User) is not null;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (CounterStaff.Of(User) is null && Applicant.Of(User) is null)
        {
            context.Result = Forbid(); // signed in, but neither a verified citizen nor counter staff
            return;
        }

        await next();
    }

    public string LicenceName(string code) => catalogue.Find(code) is { } terms ? Bilingual.Pick(terms.NameTh, terms.NameEn) : code;

    protected ILicenceTerms Catalogue => catalogue;

    public static string Label(QuestionView q) => Bilingual.Pick(q.LabelTh, q.LabelEn);

    protected async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await ApplicationAccess.LoadOwnedAsync(db, Applicant, id, ct) is not { } application)
        {
            return false;
        }

        Application = await queries.ViewAsync(application, ct);
        return true;
    }
}
