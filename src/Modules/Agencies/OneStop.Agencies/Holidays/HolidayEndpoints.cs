using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OneStop.Agencies.Contracts;
using OneStop.Agencies.Data;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Http;

namespace OneStop.Agencies.Holidays;

internal static class HolidayEndpoints
{
    public static RouteGroupBuilder MapHolidayEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/holidays", ListAsync).WithName("Agencies_Holidays_List")
            .WithSummary("Government holidays of a year");
        group.MapGet("/holidays/{date}", GetAsync).WithName("Agencies_Holidays_Get")
            .WithSummary("One government holiday");
        group.MapPost("/holidays", AddAsync).WithName("Agencies_Holidays_Add")
            .WithSummary("Add a government holiday (administrators)")
            .WithDescription("Idempotent: repeating an identical request answers 200 with the holiday; a different holiday on the same date is 409.")
            .RequireAuthorization(Policies.Admin)
            .WithIdempotencyKey();
        group.MapDelete("/holidays/{date}", RemoveAsync).WithName("Agencies_Holidays_Remove")
            .WithSummary("Remove a government holiday (administrators)")
            .WithDescription("Idempotent: removing a date that is not (or no longer) a holiday is 204 too.")
            .RequireAuthorization(Policies.Admin);
        group.MapGet("/working-days/add", AddWorkingDaysAsync).WithName("Agencies_WorkingDays_Add")
            .WithSummary("The date a number of working days after a start date");
        group.MapGet("/working-days/count", CountWorkingDaysAsync).WithName("Agencies_WorkingDays_Count")
            .WithSummary("Working days between two dates");
        return group;
    }

    private static async Task<Results<Ok<HolidayDto[]>, ProblemHttpResult>> ListAsync(
        AgenciesDbContext db, TimeProvider clock, [Description("Gregorian year; the current year when omitted")] int? year, CancellationToken ct)
    {
        var y = year ?? clock.GetUtcNow().Year;
        if (y is < 2000 or > 2100)
        {
            return ApiProblems.Invalid("year", "The year must be between 2000 and 2100.");
        }

        var from = new DateOnly(y, 1, 1);
        var to = new DateOnly(y, 12, 31);
        var items = await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to)
            .OrderBy(h => h.Date).Select(h => new HolidayDto(h.Date, h.NameTh, h.NameEn, h.Kind)).ToArrayAsync(ct);
        return TypedResults.Ok(items);
    }

    private static async Task<Results<Ok<HolidayDto>, ProblemHttpResult>> GetAsync(string date, AgenciesDbContext db, CancellationToken ct)
    {
        if (!TryParseDate(date, out var day))
        {
            return ApiProblems.Invalid("date", "The date must be a real calendar date written yyyy-MM-dd.");
        }

        var holiday = await db.Holidays.AsNoTracking().Where(h => h.Date == day)
            .Select(h => new HolidayDto(h.Date, h.NameTh, h.NameEn, h.Kind)).SingleOrDefaultAsync(ct);
        return holiday is null ? ApiProblems.NotFound($"{date} is not a government holiday.") : TypedResults.Ok(holiday);
    }

    private static async Task<Results<Created<HolidayDto>, Ok<HolidayDto>, ProblemHttpResult>> AddAsync(
        AddHoliday.Request request, AddHoliday.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, ct);
        if (!result.IsSuccess)
        {
            return ApiProblems.From(result.Error!);
        }

        var holiday = result.Value!.Holiday;
        return result.Value.Created
            ? TypedResults.Created(string.Create(CultureInfo.InvariantCulture, $"/api/agencies/holidays/{holiday.Date:yyyy-MM-dd}"), holiday)
            : TypedResults.Ok(holiday);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string date, RemoveHoliday.Handler handler, CancellationToken ct)
    {
        if (!TryParseDate(date, out var day))
        {
            return ApiProblems.Invalid("date", "The date must be a real calendar date written yyyy-MM-dd.");
        }

        var result = await handler.HandleAsync(day, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiProblems.From(result.Error!);
    }

    private static async Task<Results<Ok<WorkingDaysAdded>, ProblemHttpResult>> AddWorkingDaysAsync(
        [Description("Start date (yyyy-MM-dd); not counted itself")] string? from,
        [Description("Working days to add, 0 to 3650")] int? days, IWorkingDayCalendar calendar, CancellationToken ct)
    {
        if (!TryParseDate(from, out var start))
        {
            return ApiProblems.Invalid("from", "The start date must be a real calendar date written yyyy-MM-dd.");
        }

        if (days is not { } n || n < 0 || n > WorkingDays.MaxDays)
        {
            return ApiProblems.Invalid("days", $"The number of working days must be between 0 and {WorkingDays.MaxDays}.");
        }

        var due = await calendar.AddWorkingDaysAsync(start, n, ct);
        return TypedResults.Ok(new WorkingDaysAdded(start, n, due));
    }

    private static async Task<Results<Ok<WorkingDaysCounted>, ProblemHttpResult>> CountWorkingDaysAsync(
        [Description("Start date (yyyy-MM-dd); not counted itself")] string? from,
        [Description("End date (yyyy-MM-dd); counted")] string? to, IWorkingDayCalendar calendar, CancellationToken ct)
    {
        if (!TryParseDate(from, out var first))
        {
            return ApiProblems.Invalid("from", "The start date must be a real calendar date written yyyy-MM-dd.");
        }

        if (!TryParseDate(to, out var last))
        {
            return ApiProblems.Invalid("to", "The end date must be a real calendar date written yyyy-MM-dd.");
        }

        if (Math.Abs(last.DayNumber - first.DayNumber) > WorkingDays.MaxDays * 2)
        {
            return ApiProblems.Invalid("to", "The dates may be at most twenty years apart.");
        }

        return TypedResults.Ok(new WorkingDaysCounted(first, last, await calendar.CountWorkingDaysAsync(first, last, ct)));
    }

    // Dates in paths and queries are parsed here, not bound, so that "2025-02-30" gets a 400 naming the field.
    private static bool TryParseDate(string? text, out DateOnly date)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// <summary>The due date after a number of working days.</summary>
internal sealed record WorkingDaysAdded(DateOnly From, int Days, DateOnly Due);

/// <summary>The number of working days between two dates.</summary>
internal sealed record WorkingDaysCounted(DateOnly From, DateOnly To, int WorkingDays);
