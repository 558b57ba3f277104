using OneStop.SharedKernel.Identifiers;

namespace OneStop.SharedKernel.Tests.Identifiers;

/// <summary>Every row of thai-id-vectors.tsv (two independent peer libraries) must be judged right.</summary>
public sealed class ThaiIdVectorTests
{
    public static TheoryData<string, string, bool, string> Vectors()
    {
        var data = new TheoryData<string, string, bool, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "thai-id-vectors.tsv");
        foreach (var line in File.ReadLines(path).Skip(1).Where(l => l.Length > 0))
        {
            var c = line.Split('\t');
            data.Add(c[0], c[1], bool.Parse(c[2]), c[3]);
        }

        return data;
    }

    [Fact]
    public void Vectors_File_HasBothKindsAndBothVerdicts()
    {
        var rows = Vectors().Select(r => (r.Data.Item1, r.Data.Item3)).ToList();
        Assert.Equal(24, rows.Count);
        Assert.Contains(("citizen", true), rows);
        Assert.Contains(("citizen", false), rows);
        Assert.Contains(("juristic", true), rows);
        Assert.Contains(("juristic", false), rows);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_IsJudgedAsThePeersJudgedIt(string kind, string id, bool valid, string formatted)
    {
        if (kind == "citizen")
        {
            Assert.Equal(valid, ThaiCitizenId.TryParse(id, out var citizen));
            Assert.Equal(valid, ThaiCitizenId.Check(id) == ThaiIdProblem.None);
            if (valid)
            {
                Assert.Equal(id, citizen.Value);
                Assert.Equal(formatted, citizen.Formatted);
                Assert.Equal(citizen, ThaiCitizenId.Parse(formatted, null));
            }
        }
        else
        {
            Assert.Equal(valid, JuristicPersonId.TryParse(id, out var juristic));
            if (valid)
            {
                Assert.Equal(id, juristic.Value);
                Assert.Equal(formatted, juristic.Formatted);
            }
        }
    }
}
