using OneStop.Licensing.Contracts;
using System.Security.Claims;
using OneStop.SharedKernel.Hosting;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.Licensing.Applications;

/// <summary>Who applies: a person proved by the Digital ID, for themselves or for a company they may sign for.</summary>
internal sealed record Applicant(string CitizenId, string Name, string Subject, string? JuristicId, string? CompanyName)
{
    public string? Email { get; init; }

    /// <summary>Set when counter staff act for walk-in applicants: they may work on the applications their office filed.</summary>
    public string? CounterOfficeCode { get; init; }

    /// <summary>Who did it, as the history shows.</summary>
    public string Actor => CounterOfficeCode is null ? "applicant" : "counter";

    /// <summary>Counter staff of <paramref name="officeCode"/>, acting for the walk-in applicants their office serves.</summary>
    public static Applicant AtCounter(string subject, string name, string officeCode)
        => new(string.Empty, name, subject, null, null) { CounterOfficeCode = officeCode };

    /// <summary>The signed-in person with a verified citizen ID, or null.</summary>
    public static Applicant? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var pid = user.FindFirst(Claims.CitizenId)?.Value;
        var subject = user.FindFirst(Claims.Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (string.IsNullOrEmpty(pid) || string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var name = user.FindFirst("name")?.Value ?? user.Identity?.Name ?? pid;
        return new Applicant(pid, name, subject, ActingFor.JuristicId(user), ActingFor.CompanyName(user)) { Email = user.FindFirst(Claims.Email)?.Value };
    }

    /// <summary>Whether this person may see and change <paramref name="application"/>: their own, or their company's while acting for it.</summary>
    public bool Owns(LicenceApplication application)
        => CounterOfficeCode is { } office
            ? application.Channel == Channel.Counter && application.CounterOfficeCode == office
                && application.Status is ApplicationStatus.Draft or ApplicationStatus.ActionRequired // the counter serves the walk-in while they are there
        : application.JuristicId is { } company ? company == JuristicId : application.ApplicantCitizenId == CitizenId;
}

/// <summary>Application numbers people can read out: <c>BIZ-2569-7KQ2M9XD</c> (Buddhist Era year, then 8 random characters without look-alikes).</summary>
internal static class ApplicationNumbers
{
    public static string New(DateTime now) => $"BIZ-{ReadableCode.BuddhistYear(now)}-{ReadableCode.Random(8)}";
}
