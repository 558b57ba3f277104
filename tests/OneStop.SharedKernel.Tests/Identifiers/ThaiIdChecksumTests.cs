using OneStop.SharedKernel.Identifiers;

namespace OneStop.SharedKernel.Tests.Identifiers;

public sealed class ThaiIdChecksumTests
{
    [Theory]
    [InlineData("199990000001", 3)]
    [InlineData("010599900001", 6)]
    [InlineData("000000000000", 1)] // weighted sum 0: (11 - 0) % 10
    [InlineData("100000000004", 1)] // sum 21, remainder 10: 11 - 10
    [InlineData("100000000005", 0)] // sum 23, remainder 1: (11 - 1) % 10
    [InlineData("100000000000", 9)] // sum 13, remainder 2
    public void CheckDigit_TwelveDigits_IsMod11OfWeights13To2(string first12, int expected)
        => Assert.Equal(expected, ThaiIdChecksum.CheckDigit(first12));

    [Fact]
    public void CheckDigit_FewerThanTwelveDigits_ThrowsArgumentException()
        => Assert.Throws<ArgumentException>(() => ThaiIdChecksum.CheckDigit("19999000000"));

    [Fact]
    public void Complete_TwelveDigits_AppendsTheCheckDigit()
        => Assert.Equal("1999900000013", ThaiIdChecksum.Complete("199990000001"));

    [Fact]
    public void Complete_AnyTwelveDigits_GivesAnIdThatPassesAndEveryOtherLastDigitFails()
    {
        var random = new Random(20250120);
        for (var n = 0; n < 500; n++)
        {
            var first12 = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + random.Next(10))));
            var complete = ThaiIdChecksum.Complete(first12);

            Assert.Equal(13, complete.Length);
            Assert.StartsWith(first12, complete, StringComparison.Ordinal);
            Assert.Equal(ThaiIdProblem.None, ThaiIdChecksum.Check(complete));
            for (var other = '0'; other <= '9'; other++)
            {
                if (other != complete[12])
                {
                    Assert.Equal(ThaiIdProblem.BadCheckDigit, ThaiIdChecksum.Check(first12 + other));
                }
            }
        }
    }

    [Theory]
    [InlineData("", ThaiIdProblem.WrongLength)]
    [InlineData("199990000001", ThaiIdProblem.WrongLength)]
    [InlineData("19999000000130", ThaiIdProblem.WrongLength)]
    [InlineData("19999A0000013", ThaiIdProblem.NotDigits)]
    [InlineData("1999900000-13", ThaiIdProblem.NotDigits)]
    [InlineData("๑๙๙๙๙๐๐๐๐๐๐๑๓", ThaiIdProblem.NotDigits)]
    [InlineData("1999900000014", ThaiIdProblem.BadCheckDigit)]
    [InlineData("1999900000013", ThaiIdProblem.None)]
    [InlineData("0105999000016", ThaiIdProblem.None)]
    public void Check_Candidate_ReportsTheProblem(string digits, ThaiIdProblem expected)
        => Assert.Equal(expected, ThaiIdChecksum.Check(digits));

    [Theory]
    [InlineData("1-9999-00000-01-3", "1999900000013")]
    [InlineData("1 9999 00000 01 3", "1999900000013")]
    [InlineData(" 1999900000013\t", "1999900000013")]
    [InlineData("0-10-5-999-00001-6", "0105999000016")]
    public void Normalize_TypedForm_LeavesTheDigits(string input, string expected)
        => Assert.Equal(expected, ThaiIdChecksum.Normalize(input));

    [Fact]
    public void Normalize_Null_ThrowsArgumentNullException()
        => Assert.Throws<ArgumentNullException>(() => ThaiIdChecksum.Normalize(null!));
}
