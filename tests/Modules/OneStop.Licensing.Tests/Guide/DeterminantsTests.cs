using OneStop.Licensing.Catalogue;
using OneStop.Licensing.Contracts;
using OneStop.Licensing.Guide;

namespace OneStop.Licensing.Tests.Guide;

public sealed class DeterminantsTests
{
    private static readonly SourceLocation At = new("test.yaml", 1);

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Equals_YesNo_MatchesTheAnswer(bool answer, bool expected)
        => Assert.Equal(expected, Determinants.Holds(new EqualsCondition("sellsAlcohol", "true", At), Answers(("sellsAlcohol", new YesNoAnswer(answer)))));

    [Fact]
    public void UnansweredQuestion_SatisfiesNoTest()
    {
        var none = new Dictionary<string, Answer>();

        Assert.False(Determinants.Holds(new EqualsCondition("sellsAlcohol", "false", At), none));
        Assert.False(Determinants.Holds(new NumberCondition("floorArea", NumberComparison.LessThan, 200, At), none));
        Assert.True(Determinants.Holds(new AlwaysCondition(At), none));
    }

    [Theory]
    [InlineData(199, true, false)]
    [InlineData(200, false, true)]
    public void NumberLimits_SplitAtTheBoundary(decimal area, bool under200, bool atLeast200)
    {
        var answers = Answers(("floorArea", new NumberAnswer(area)));

        Assert.Equal(under200, Determinants.Holds(new NumberCondition("floorArea", NumberComparison.LessThan, 200, At), answers));
        Assert.Equal(atLeast200, Determinants.Holds(new NumberCondition("floorArea", NumberComparison.AtLeast, 200, At), answers));
    }

    [Fact]
    public void IncludesAny_MatchesOneOfSeveralChoices()
    {
        var answers = Answers(("sells", new ChoiceAnswer(["cards", "tobacco"])));

        Assert.True(Determinants.Holds(new IncludesAnyCondition("sells", ["alcohol", "tobacco"], At), answers));
        Assert.False(Determinants.Holds(new IncludesAnyCondition("sells", ["alcohol"], At), answers));
    }

    [Fact]
    public void AllAndAny_Combine()
    {
        var food = new EqualsCondition("sellsFood", "true", At);
        var small = new NumberCondition("floorArea", NumberComparison.LessThan, 200, At);
        var answers = Answers(("sellsFood", new YesNoAnswer(true)), ("floorArea", new NumberAnswer(250)));

        Assert.False(Determinants.Holds(new AllCondition([food, small], At), answers));
        Assert.True(Determinants.Holds(new AnyCondition([food, small], At), answers));
    }

    private static Dictionary<string, Answer> Answers(params (string Key, Answer Answer)[] answers)
        => answers.ToDictionary(a => a.Key, a => a.Answer);
}
