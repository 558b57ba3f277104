using OneStop.SharedKernel;
using OneStop.SharedKernel.Identifiers;

namespace OneStop.SyntheticData;

/// <summary>An address in the form of a Thai house registration.</summary>
public sealed record SyntheticAddress(
    string HouseNo,
    int? Moo,
    string? Soi,
    string? Road,
    string SubdistrictCode,
    string SubdistrictTh,
    string DistrictCode,
    string DistrictTh,
    string ProvinceCode,
    string ProvinceTh,
    string ProvinceEn,
    string Postcode);

/// <summary>Sex as recorded in the population registry.</summary>
public enum Gender
{
    Male,
    Female,
}

/// <summary>Whether a person is alive according to the registry.</summary>
public enum LifeStatus
{
    Alive,
    Deceased,
}

/// <summary>A synthetic person in the manner of the population registry. Never a real person.</summary>
public sealed record SyntheticCitizen(
    ThaiCitizenId CitizenId,
    string TitleTh,
    string TitleEn,
    string GivenNameTh,
    string FamilyNameTh,
    string GivenNameEn,
    string FamilyNameEn,
    Gender Gender,
    DateOnly BirthDate,
    string Nationality,
    string HouseId,
    SyntheticAddress Address,
    SyntheticIdCard? IdCard,
    LifeStatus Status);

/// <summary>
/// The smart ID card: laser code (2 letters and 10 digits, printed on the back), issue date and expiry;
/// no expiry for holders aged 70 or more, whose cards are valid for life. Children under 7 have none.
/// </summary>
public sealed record SyntheticIdCard(string LaserCode, DateOnly IssuedOn, DateOnly? ExpiresOn);

/// <summary>A director of a juristic person and whether they may sign for it.</summary>
public sealed record SyntheticDirector(ThaiCitizenId CitizenId, bool MaySign);

/// <summary>Registration status of a juristic person (DBD).</summary>
public enum CompanyStatus
{
    Active,
    Dissolved,
    Liquidated,
}

/// <summary>A synthetic juristic person in the manner of the DBD registry.</summary>
public sealed record SyntheticCompany(
    JuristicPersonId JuristicId,
    string NameTh,
    string NameEn,
    JuristicPersonKind Kind,
    DateOnly RegisteredOn,
    CompanyStatus Status,
    Money Capital,
    SyntheticAddress Address,
    IReadOnlyList<SyntheticDirector> Directors,
    IReadOnlyList<string> Objectives);

/// <summary>Everything one run of the generator produced.</summary>
public sealed record SyntheticDataSet(int Seed, IReadOnlyList<SyntheticCitizen> Citizens, IReadOnlyList<SyntheticCompany> Companies);

/// <summary>A module that stores synthetic data (e.g. the registries), fed by the <c>seed</c> command and demo data.</summary>
public interface ISyntheticDataSink
{
    /// <summary>Stores the set; records already present are left as they are.</summary>
    Task StoreAsync(SyntheticDataSet dataSet, CancellationToken cancellationToken);
}
