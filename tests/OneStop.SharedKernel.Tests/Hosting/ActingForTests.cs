using System.Security.Claims;
using OneStop.SharedKernel.Hosting;

namespace OneStop.SharedKernel.Tests.Hosting;

public sealed class ActingForTests
{
    private const string Companies = """{"0105999000016": {"name": "บริษัท ตัวอย่าง จำกัด", "role": "director"}}""";

    private static ClaimsPrincipal User(params (string Type, string Value)[] claims)
        => new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Fact]
    public void TheCompanyActedFor_IsNamedFromTheCompaniesClaim()
    {
        var user = User((PlatformClient.CompaniesClaim, Companies), (PlatformClient.ActForClaim, "0105999000016"));

        Assert.Equal("บริษัท ตัวอย่าง จำกัด", ActingFor.CompanyName(user));
        Assert.Equal("0105999000016", ActingFor.JuristicId(user));
    }

    [Theory]
    [InlineData(Companies, "")]
    [InlineData(Companies, "0105999000024")] // not one of the person's companies
    [InlineData("not json", "0105999000016")]
    [InlineData("[\"0105999000016\"]", "0105999000016")]
    [InlineData("""{"0105999000016": "a name"}""", "0105999000016")]
    public void ForThemselvesOrAnythingOdd_IsNobody(string companies, string actFor)
    {
        var user = User((PlatformClient.CompaniesClaim, companies), (PlatformClient.ActForClaim, actFor));

        Assert.Null(ActingFor.CompanyName(user));
        Assert.Null(ActingFor.JuristicId(user));
    }
}
