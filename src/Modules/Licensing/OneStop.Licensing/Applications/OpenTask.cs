using Microsoft.EntityFrameworkCore;
using OneStop.Licensing.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Data;
using OneStop.SharedKernel.Hosting;

namespace OneStop.Licensing.Applications;

/// <summary>
/// An officer opens a task with its application. Every read is recorded in the application's history,
/// so the applicant sees which officers read their application; the API and the decision page both come here.
/// The officer needs the step's role, and sees only what their licence asks for.
/// </summary>
internal static class OpenTask
{
    /// <summary>A task with the application it belongs to.</summary>
    internal sealed record Details(TaskView Task, ApplicationView Application);

    internal sealed class Handler(LicensingDbContext db, ApplicationQueries queries, TimeProvider clock)
    {
        public async Task<Result<Details>> HandleAsync(Officer officer, string name, Guid id, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(officer);
            var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
            if (task is null || !officer.CanSee(task))
            {
                return TaskAccess.NotFound(id);
            }

            if (!officer.Roles.Contains(task.Role))
            {
                return TaskAccess.WrongRole(task.Role);
            }

            var application = await db.Applications.Include(a => a.Licences).ThenInclude(l => l.Tasks).SingleAsync(a => a.Id == task.ApplicationId, ct);
            db.Events.Add(new ApplicationEvent
            {
                ApplicationId = application.Id, At = clock.UtcNowAsStored(), Kind = ApplicationEventKind.Viewed,
                LicenceCode = task.LicenceCode, AgencyCode = task.AgencyCode, Actor = name,
            });
            await db.SaveChangesAsync(ct);
            return new Details(ApplicationQueries.ViewOf(task, queries.Today), await queries.ReviewViewAsync(application, task.LicenceCode, ct));
        }
    }
}
