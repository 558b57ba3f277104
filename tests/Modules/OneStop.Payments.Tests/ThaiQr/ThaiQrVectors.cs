using System.Globalization;

namespace OneStop.Payments.Tests.ThaiQr;

/// <summary>
/// The payloads two independent libraries made (promptpay-qr 0.5.0 and promptparse 1.6.0; see docs/thai-standards in the
/// shared notes): kind, target, amount in baht (empty = not given), ref1, ref2, payload, library.
/// </summary>
public static class ThaiQrVectors
{
    public sealed record Vector(string Kind, string Target, long? AmountSatang, string Ref1, string Ref2, string Payload, string Library)
    {
        public override string ToString() => $"{Library} {Kind} {Target} {AmountSatang?.ToString(CultureInfo.InvariantCulture) ?? "-"} {Ref1}";
    }

    public static IReadOnlyList<Vector> All { get; } = Load();

    public static TheoryData<string> Payloads()
    {
        var data = new TheoryData<string>();
        foreach (var payload in All.Select(v => v.Payload).Distinct(StringComparer.Ordinal))
        {
            data.Add(payload);
        }

        return data;
    }

    private static List<Vector> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "thaiqr-vectors.tsv");
        return [.. File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var c = l.Split('\t');
            long? amount = c[2].Length == 0 ? null : (long)(decimal.Parse(c[2], CultureInfo.InvariantCulture) * 100);
            return new Vector(c[0], c[1], amount, c[3], c[4], c[5], c[6]);
        })];
    }
}
