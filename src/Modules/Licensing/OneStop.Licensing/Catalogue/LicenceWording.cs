using System.Globalization;
using OneStop.Agencies.Contracts;
using OneStop.Licensing.Contracts;
using OneStop.SharedKernel;

namespace OneStop.Licensing.Catalogue;

/// <summary>Catalogue facts in people's words, in the current language (pages only; the API gives the data).</summary>
internal static class LicenceWording
{
    public static string Baht(long satang)
    {
        var format = satang % 100 == 0 ? "N0" : "N2";
        var amount = (satang / 100m).ToString(format, CultureInfo.InvariantCulture);
        return Bilingual.Pick($"{amount} บาท", $"{amount} baht");
    }

    public static string Amount(long satang, long? maxSatang)
        => satang == 0 && maxSatang is null ? Bilingual.Pick("ไม่เสียค่าธรรมเนียม", "Free")
            : maxSatang is { } max ? (satang == 0 ? Bilingual.Pick($"ไม่เกิน {Baht(max)}", $"Up to {Baht(max)}") : $"{Baht(satang)} – {Baht(max)}")
            : Baht(satang);

    /// <summary>One line for a list: the amount, or that it depends on the business.</summary>
    public static string FeeShort(IReadOnlyList<Fee> fees)
    {
        if (fees.Any(f => f.Formula is PerUnitFee or BandedFee))
        {
            return Bilingual.Pick("ขึ้นกับขนาดของกิจการ", "Depends on the size of the business");
        }

        if (fees.Any(f => f.Formula is UnpublishedFee))
        {
            return Bilingual.Pick("ตามกฎกระทรวง", "Set by regulation");
        }

        var fixedFees = fees.Select(f => (FixedFee)f.Formula).ToList();
        var max = fixedFees.Any(f => f.MaxSatang is not null) ? fixedFees.Sum(f => f.MaxSatang ?? f.Satang) : (long?)null;
        return Amount(fixedFees.Sum(f => f.Satang), max);
    }

    public static string Fee(Fee fee, IReadOnlyList<QuestionDefinition> questions) => fee.Formula switch
    {
        FixedFee f => Amount(f.Satang, f.MaxSatang),
        PerUnitFee p => PerUnit(p, questions),
        BandedFee b => string.Join(Bilingual.Pick("; ", "; "), b.Bands.Select(band => band.UpTo is { } upTo
            ? Bilingual.Pick($"ไม่เกิน {upTo:N0} {UnitOf(b.QuestionKey, questions)?.Th}: {Baht(band.Satang)}", $"up to {upTo:N0} {UnitOf(b.QuestionKey, questions)?.En}: {Baht(band.Satang)}")
            : Bilingual.Pick($"มากกว่านั้น: {Baht(band.Satang)}", $"more: {Baht(band.Satang)}"))),
        _ => Bilingual.Pick("ตามกฎกระทรวง (ยังไม่มีจำนวนเงินในระบบ)", "Set by regulation (amount not yet in the catalogue)"),
    };

    private static string PerUnit(PerUnitFee fee, IReadOnlyList<QuestionDefinition> questions)
    {
        var unit = UnitOf(fee.QuestionKey, questions);
        var size = fee.UnitSize == 1 ? "" : fee.UnitSize.ToString("N0", CultureInfo.InvariantCulture) + " ";
        var text = Bilingual.Pick($"{Baht(fee.SatangPerUnit)} ต่อ {size}{unit?.Th}", $"{Baht(fee.SatangPerUnit)} per {size}{unit?.En}");
        if (fee.MinSatang is { } min)
        {
            text += Bilingual.Pick($" อย่างน้อย {Baht(min)}", $", at least {Baht(min)}");
        }

        return fee.MaxSatang is { } max ? text + Bilingual.Pick($" ไม่เกิน {Baht(max)}", $", at most {Baht(max)}") : text;
    }

    private static LocalizedText? UnitOf(string key, IReadOnlyList<QuestionDefinition> questions)
        => questions.FirstOrDefault(q => q.Key == key)?.Unit;

    public static string Days(int workingDays) => workingDays == 0
        ? Bilingual.Pick("ภายในวันเดียวกัน", "Same day")
        : Bilingual.Pick($"{workingDays} วันทำการ", workingDays == 1 ? "1 working day" : $"{workingDays} working days");

    public static string Validity(Validity validity)
    {
        var term = validity.Term switch
        {
            ValidityTerm.None => Bilingual.Pick("ไม่มีวันหมดอายุ", "Does not expire"),
            ValidityTerm.Months when validity.Months is { } m && m % 12 == 0 => Bilingual.Pick($"{m / 12} ปี", m == 12 ? "1 year" : $"{m / 12} years"),
            ValidityTerm.Months => Bilingual.Pick($"{validity.Months} เดือน", $"{validity.Months} months"),
            ValidityTerm.EndOfYear => Bilingual.Pick("ถึงวันที่ 31 ธันวาคมของปีที่ออก", "Until 31 December of the year of issue"),
            ValidityTerm.OneOff => Bilingual.Pick("ใช้ครั้งเดียว", "One-off"),
            _ => Bilingual.Pick("ตามที่ระบุในใบอนุญาต", "As written on the licence"),
        };
        if (validity.Renewable)
        {
            term += validity.RenewalWorkingDays is { } days
                ? Bilingual.Pick($" ต่ออายุได้ (ใช้เวลา {Days(days)})", $"; renewable (takes {Days(days).ToLowerInvariant()})")
                : Bilingual.Pick(" ต่ออายุได้", "; renewable");
        }

        return term;
    }

    public static string Role(string roleCode)
    {
        var (thai, english) = OfficerRoleNames.Of(roleCode);
        return Bilingual.Pick(thai, english);
    }

    public static string Registry(Registry registry) => registry switch
    {
        Contracts.Registry.Population => Bilingual.Pick("ทะเบียนราษฎร", "the population register"),
        Contracts.Registry.Juristic => Bilingual.Pick("ทะเบียนนิติบุคคล", "the company register"),
        _ => "",
    };

    public static bool Unconfirmed(IReadOnlyList<string> sources) => sources.Contains(FactSources.Assumption, StringComparer.Ordinal);

    public static string UnconfirmedNote => Bilingual.Pick("ยังไม่ได้ยืนยันกับหน่วยงาน", "not yet confirmed with the agency");
}
