using System.Globalization;

namespace OneStop.SharedKernel;

/// <summary>
/// An amount of Thai baht held as whole satang (1 baht = 100 satang), so sums never drift.
/// </summary>
public readonly record struct Money(long Satang) : IComparable<Money>
{
    /// <summary>Zero baht.</summary>
    public static readonly Money Zero = new(0);

    /// <summary>Makes an amount from baht; fractions finer than one satang are refused.</summary>
    public static Money FromBaht(decimal baht)
    {
        var satang = baht * 100m;
        return satang == decimal.Truncate(satang)
            ? new Money(checked((long)satang))
            : throw new ArgumentException("An amount in baht has at most two decimals.", nameof(baht));
    }

    /// <summary>
    /// Reads baht as banks and QR codes write them: digits with an optional point and at most two decimals
    /// ("150", "150.5", "150.50"); no sign, no exponent, no thousands separators. False for anything else.
    /// </summary>
    public static bool TryParseBaht(string? text, out Money amount)
    {
        amount = Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 20 || text[0] == '.' || text[^1] == '.'
            || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var baht))
        {
            return false;
        }

        var satang = baht * 100m;
        if (satang != decimal.Truncate(satang) || satang > long.MaxValue)
        {
            return false;
        }

        amount = new Money((long)satang);
        return true;
    }

    /// <summary>The amount in baht.</summary>
    public decimal Baht => Satang / 100m;

    public static Money operator +(Money a, Money b) => new(checked(a.Satang + b.Satang));

    public static Money operator -(Money a, Money b) => new(checked(a.Satang - b.Satang));

    public static Money operator *(Money a, int factor) => new(checked(a.Satang * factor));

    public static bool operator <(Money a, Money b) => a.Satang < b.Satang;

    public static bool operator >(Money a, Money b) => a.Satang > b.Satang;

    public static bool operator <=(Money a, Money b) => a.Satang <= b.Satang;

    public static bool operator >=(Money a, Money b) => a.Satang >= b.Satang;

    public static Money Add(Money a, Money b) => a + b;

    public static Money Subtract(Money a, Money b) => a - b;

    public static Money Multiply(Money a, int factor) => a * factor;

    public int CompareTo(Money other) => Satang.CompareTo(other.Satang);

    /// <summary>Takes <paramref name="percent"/> percent off, rounding the discount down to whole satang.</summary>
    public Money Discount(int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        // Int128: satang × percent overflows a long for amounts above about 92 trillion satang.
        return new Money(Satang - (long)((Int128)Satang * percent / 100));
    }

    /// <summary>Display form, e.g. <c>฿1,234.50</c>; Thai digits on request.</summary>
    public string ToDisplayString(bool thaiDigits = false)
    {
        var text = "฿" + Baht.ToString("#,##0.00", CultureInfo.InvariantCulture);
        return thaiDigits ? ThaiDigits.Apply(text) : text;
    }

    public override string ToString() => ToDisplayString();
}
