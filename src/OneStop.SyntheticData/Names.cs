namespace OneStop.SyntheticData;

/// <summary>A word in Thai script and its romanisation.</summary>
internal sealed record NamePair(string Thai, string Roman);

/// <summary>Name lists shipped as data (Data/*.tsv).</summary>
internal static class Names
{
    private static readonly Lazy<NamePair[]> GivenMale = new(() => ReadGiven("m"));
    private static readonly Lazy<NamePair[]> GivenFemale = new(() => ReadGiven("f"));
    private static readonly Lazy<NamePair[]> Family = new(() => [.. Read("surnames.tsv").Select(c => new NamePair(c[0], c[1]))]);
    private static readonly Lazy<NamePair[]> Company = new(() => [.. Read("company-words.tsv").Select(c => new NamePair(c[0], c[1]))]);

    public static IReadOnlyList<NamePair> Male => GivenMale.Value;

    public static IReadOnlyList<NamePair> Female => GivenFemale.Value;

    public static IReadOnlyList<NamePair> Surnames => Family.Value;

    public static IReadOnlyList<NamePair> CompanyWords => Company.Value;

    private static NamePair[] ReadGiven(string gender)
        => [.. Read("given-names.tsv").Where(c => c[0] == gender).Select(c => new NamePair(c[1], c[2]))];

    private static List<string[]> Read(string name)
    {
        using var stream = typeof(Names).Assembly.GetManifestResourceStream($"OneStop.SyntheticData.{name}")
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(line.Split('\t'));
            }
        }

        return rows;
    }
}
