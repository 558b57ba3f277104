using Microsoft.EntityFrameworkCore;
using OneStop.Registries.Data;
using OneStop.SyntheticData;

namespace OneStop.Registries.Seeding;

/// <summary>
/// Fills the registries from synthetic data (the <c>seed</c> command and demo data). Records already
/// present are left untouched, so the same set can be stored again without harm.
/// </summary>
internal sealed class RegistriesSink(RegistriesDbContext db) : ISyntheticDataSink
{
    private static readonly string[][] GoodsCategories =
    [
        ["HS 03 fish and crustaceans", "HS 16 prepared meat and fish"],
        ["HS 84 machinery", "HS 85 electrical equipment"],
        ["HS 10 cereals", "HS 11 milling products"],
        ["HS 33 cosmetics and toiletries"],
        ["HS 40 rubber", "HS 87 vehicles and parts"],
    ];

    public async Task StoreAsync(SyntheticDataSet dataSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSet);
        var known = (await db.Persons.Select(p => p.CitizenId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var c in dataSet.Citizens.Where(c => known.Add(c.CitizenId.Value)))
        {
            db.Persons.Add(new Person
            {
                CitizenId = c.CitizenId.Value, TitleTh = c.TitleTh, TitleEn = c.TitleEn, GivenNameTh = c.GivenNameTh, FamilyNameTh = c.FamilyNameTh,
                GivenNameEn = c.GivenNameEn, FamilyNameEn = c.FamilyNameEn, Gender = c.Gender, BirthDate = c.BirthDate, Nationality = c.Nationality,
                HouseId = c.HouseId, Address = RegisteredAddress.From(c.Address), LaserCode = c.IdCard?.LaserCode,
                CardIssuedOn = c.IdCard?.IssuedOn, CardExpiresOn = c.IdCard?.ExpiresOn, Status = c.Status,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var companies = (await db.Companies.Select(c => c.JuristicId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var index = 0;
        foreach (var c in dataSet.Companies)
        {
            index++;
            if (!companies.Add(c.JuristicId.Value))
            {
                continue;
            }

            db.Companies.Add(new Company
            {
                JuristicId = c.JuristicId.Value, NameTh = c.NameTh, NameEn = c.NameEn, Kind = c.Kind, RegisteredOn = c.RegisteredOn, Status = c.Status,
                CapitalSatang = c.Capital.Satang, Address = RegisteredAddress.From(c.Address), Objectives = [.. c.Objectives],
                Directors = [.. c.Directors.Select(d => new CompanyDirector { JuristicId = c.JuristicId.Value, CitizenId = d.CitizenId.Value, MaySign = d.MaySign })],
            });

            // One company in three trades across the border; the first documented company always does.
            if (index == 1 || (index % 3 == 0 && c.Status == CompanyStatus.Active))
            {
                db.Traders.Add(new Trader
                {
                    JuristicId = c.JuristicId.Value, CustomsStatus = index % 30 == 0 ? CustomsStatus.Suspended : CustomsStatus.Registered,
                    RegisteredOn = c.RegisteredOn.AddDays(30), PermittedGoods = [.. GoodsCategories[index % GoodsCategories.Length]],
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
