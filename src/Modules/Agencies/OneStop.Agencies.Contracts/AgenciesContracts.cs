using OneStop.SharedKernel.Messaging;

namespace OneStop.Agencies.Contracts;

/// <summary>What other modules may ask the Agencies module.</summary>
public interface IAgencyDirectory
{
    /// <summary>An agency by its code, or null.</summary>
    Task<AgencySummary?> FindAgencyAsync(string code, CancellationToken cancellationToken);

    /// <summary>An office by its code, or null.</summary>
    Task<OfficeSummary?> FindOfficeAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// The office of <paramref name="agencyCode"/> that serves premises in this province and district: its
    /// district office, else its provincial office, else its head office. For "any local government"
    /// (<see cref="AgencyCodes.AnyLocalGovernment"/>) it is the local government of the place, which may be
    /// another agency than the one asked for; null when the agency is unknown.
    /// </summary>
    Task<OfficeSummary?> RouteAsync(string agencyCode, string provinceCode, string? districtCode, CancellationToken cancellationToken);
}

/// <summary>Agency codes other modules refer to.</summary>
public static class AgencyCodes
{
    /// <summary>The licences that "the local government of the place" issues (food premises, signboards, building use).</summary>
    public const string AnyLocalGovernment = "21043000";

    /// <summary>Bangkok Metropolitan Administration: the local government of every Bangkok district.</summary>
    public const string Bangkok = "22000000";
}

/// <summary>The government working-day calendar used for due dates and service-level agreements.</summary>
public interface IWorkingDayCalendar
{
    /// <summary>True on a weekday that is not a government holiday.</summary>
    Task<bool> IsWorkingDayAsync(DateOnly date, CancellationToken cancellationToken);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day itself not counted).</summary>
    Task<DateOnly> AddWorkingDaysAsync(DateOnly start, int workingDays, CancellationToken cancellationToken);

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    Task<int> CountWorkingDaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}

/// <summary>An agency as other modules see it.</summary>
public sealed record AgencySummary(string Code, string? Abbreviation, string NameTh, string NameEn, AgencyKind Kind, string? ParentCode);

/// <summary>An office as other modules see it.</summary>
public sealed record OfficeSummary(string Code, string AgencyCode, string NameTh, string NameEn, string ProvinceCode, string? DistrictCode);

/// <summary>Kinds of Thai public bodies.</summary>
public enum AgencyKind
{
    Ministry,
    Department,
    StateEnterprise,
    PublicOrganization,
    IndependentAgency,
    ProfessionalCouncil,
    LocalGovernment,
}

/// <summary>Kinds of local government (องค์กรปกครองส่วนท้องถิ่น).</summary>
public enum LocalGovernmentKind
{
    /// <summary>Bangkok Metropolitan Administration (กรุงเทพมหานคร).</summary>
    Bma,

    /// <summary>Pattaya City (เมืองพัทยา).</summary>
    Pattaya,

    /// <summary>Provincial administrative organisation (องค์การบริหารส่วนจังหวัด).</summary>
    Pao,

    /// <summary>City municipality (เทศบาลนคร).</summary>
    CityMunicipality,

    /// <summary>Town municipality (เทศบาลเมือง).</summary>
    TownMunicipality,

    /// <summary>Subdistrict municipality (เทศบาลตำบล).</summary>
    SubdistrictMunicipality,

    /// <summary>Subdistrict administrative organisation (องค์การบริหารส่วนตำบล).</summary>
    Sao,
}

/// <summary>Why a day is a government holiday.</summary>
public enum HolidayKind
{
    /// <summary>A public holiday of the civil service.</summary>
    Public,

    /// <summary>A substitution day for a holiday that fell on a weekend.</summary>
    Substitution,

    /// <summary>A one-off holiday announced by the Cabinet.</summary>
    Special,
}

/// <summary>Codes of the officer roles the Agencies module defines.</summary>
public static class OfficerRoleCodes
{
    public const string AgencyAdmin = "agency-admin";
    public const string Officer = "officer";
    public const string Reviewer = "reviewer";
    public const string Approver = "approver";
    public const string CounterStaff = "counter-staff";
    public const string DataOwner = "data-owner";
    public const string DataSteward = "data-steward";
    public const string ChiefInformationOfficer = "cio";

    /// <summary>Refunds the agency's share of payments; at the collecting agency, also reconciles the bank's statements.</summary>
    public const string Finance = "finance";
}

/// <summary>The officer roles as people call them, in Thai and English.</summary>
public static class OfficerRoleNames
{
    private static readonly Dictionary<string, (string Thai, string English)> Names = new(StringComparer.Ordinal)
    {
        [OfficerRoleCodes.AgencyAdmin] = ("ผู้ดูแลบัญชีของหน่วยงาน", "Agency administrator"),
        [OfficerRoleCodes.Officer] = ("เจ้าหน้าที่", "Officer"),
        [OfficerRoleCodes.Reviewer] = ("ผู้ตรวจสอบคำขอ", "Reviewer of applications"),
        [OfficerRoleCodes.Approver] = ("ผู้อนุมัติ", "Approver"),
        [OfficerRoleCodes.CounterStaff] = ("เจ้าหน้าที่ประจำเคาน์เตอร์", "Counter staff"),
        [OfficerRoleCodes.DataOwner] = ("เจ้าของข้อมูลของหน่วยงาน", "Data owner"),
        [OfficerRoleCodes.DataSteward] = ("ผู้ดูแลข้อมูล", "Data steward"),
        [OfficerRoleCodes.ChiefInformationOfficer] = ("ผู้บริหารเทคโนโลยีสารสนเทศระดับสูง (CIO)", "Chief information officer"),
        [OfficerRoleCodes.Finance] = ("เจ้าหน้าที่การเงิน", "Finance officer"),
    };

    /// <summary>The role's Thai and English names; an unknown code is its own name.</summary>
    public static (string Thai, string English) Of(string code)
        => Names.TryGetValue(code, out var names) ? names : (code, code);
}

/// <summary>A government holiday was added to the calendar; due dates after it may move.</summary>
public sealed record HolidayAdded(DateOnly Date, string NameTh, string NameEn, HolidayKind Kind) : IIntegrationEvent;

/// <summary>A government holiday was removed from the calendar.</summary>
public sealed record HolidayRemoved(DateOnly Date) : IIntegrationEvent;
