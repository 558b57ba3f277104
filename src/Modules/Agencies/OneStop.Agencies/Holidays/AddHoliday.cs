using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Agencies.Data;
using OneStop.SharedKernel;
using OneStop.SharedKernel.Messaging;

namespace OneStop.Agencies.Holidays;

/// <summary>Adds a government holiday. Retrying the same request is harmless.</summary>
internal static class AddHoliday
{
    /// <summary>A holiday to add.</summary>
    /// <param name="Date">The day (ISO 8601, Gregorian), between 2000 and 2100.</param>
    /// <param name="NameTh">Its name in Thai.</param>
    /// <param name="NameEn">Its name in English.</param>
    /// <param name="Kind">Public, Substitution or Special; Special when omitted.</param>
    public sealed record Request(
        [property: Required] DateOnly? Date,
        [property: Required, StringLength(200, MinimumLength = 2)] string NameTh,
        [property: Required, StringLength(200, MinimumLength = 2)] string NameEn,
        HolidayKind Kind = HolidayKind.Special);

    public sealed record Added(HolidayDto Holiday, bool Created);

    internal sealed class Handler(AgenciesDbContext db, HolidayDates holidays, TimeProvider clock)
    {
        public async Task<Result<Added>> HandleAsync(Request request, CancellationToken ct)
        {
            var date = request.Date!.Value;
            if (date.Year is < 2000 or > 2100)
            {
                return Error.Invalid(nameof(Request.Date), "The date must be between the years 2000 and 2100.");
            }

            var name = (Th: request.NameTh.Trim(), En: request.NameEn.Trim());
            var existing = await db.Holidays.AsNoTracking().SingleOrDefaultAsync(h => h.Date == date, ct);
            if (existing is not null)
            {
                return existing.NameTh == name.Th && existing.NameEn == name.En && existing.Kind == request.Kind
                    ? new Added(HolidayDto.From(existing), Created: false)
                    : Error.Conflict("holiday.exists", string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} is already a holiday ({existing.NameEn})."));
            }

            var holiday = new Holiday { Date = date, NameTh = name.Th, NameEn = name.En, Kind = request.Kind };
            db.Holidays.Add(holiday);
            db.AddIntegrationEvent(new HolidayAdded(date, name.Th, name.En, request.Kind), clock);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent retry inserted the same date first; answer as that retry would.
                db.ChangeTracker.Clear();
                return await HandleAsync(request, ct);
            }

            holidays.Forget();
            return new Added(HolidayDto.From(holiday), Created: true);
        }
    }
}

/// <summary>Removes a government holiday. Idempotent: a date that is no holiday (any more) is already as asked.</summary>
internal static class RemoveHoliday
{
    internal sealed class Handler(AgenciesDbContext db, HolidayDates holidays, TimeProvider clock)
    {
        public async Task<Result<DateOnly>> HandleAsync(DateOnly date, CancellationToken ct)
        {
            var holiday = await db.Holidays.SingleOrDefaultAsync(h => h.Date == date, ct);
            if (holiday is null)
            {
                // A retry, or a repeat racing the first: answering 404 to it would report a failure that did not happen.
                return date;
            }

            db.Holidays.Remove(holiday);
            db.AddIntegrationEvent(new HolidayRemoved(date), clock);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A concurrent identical request removed it (and announced it) first: answer as that request did.
                db.ChangeTracker.Clear();
            }

            holidays.Forget();
            return date;
        }
    }
}

/// <summary>A government holiday.</summary>
/// <param name="Date">The day (ISO 8601, Gregorian).</param>
/// <param name="NameTh">Name in Thai.</param>
/// <param name="NameEn">Name in English.</param>
/// <param name="Kind">Public, Substitution or Special.</param>
internal sealed record HolidayDto(DateOnly Date, string NameTh, string NameEn, HolidayKind Kind)
{
    public static HolidayDto From(Holiday h) => new(h.Date, h.NameTh, h.NameEn, h.Kind);
}
