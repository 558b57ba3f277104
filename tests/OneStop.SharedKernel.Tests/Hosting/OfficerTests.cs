using System.Security.Claims;
using OneStop.SharedKernel.Hosting;

namespace OneStop.SharedKernel.Tests.Hosting;

public sealed class OfficerTests
{
    private static ClaimsPrincipal User(params (string Type, string Value)[] claims)
        => new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    [Fact]
    public void Of_ReadsTheAgencyOfficeAndSpaceSeparatedRoles()
    {
        var officer = Officer.Of(User((Claims.AgencyCode, "EXCISE"), (Claims.OfficeCode, "EXCISE-10"), (Claims.AgencyRoles, "reviewer approver")));

        Assert.NotNull(officer);
        Assert.Equal("EXCISE", officer.AgencyCode);
        Assert.Equal("EXCISE-10", officer.OfficeCode);
        Assert.Equal(["approver", "reviewer"], officer.Roles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void May_OnlyInTheirOwnAgencyAndRole()
    {
        var officer = Officer.Of(User((Claims.AgencyCode, "EXCISE"), (Claims.AgencyRoles, "reviewer")))!;

        Assert.True(officer.May("reviewer", "EXCISE"));
        Assert.False(officer.May("approver", "EXCISE"));
        Assert.False(officer.May("reviewer", "DOPA"));
    }

    [Fact]
    public void Of_SomeoneWithoutAnAgency_IsNoOfficer()
    {
        Assert.Null(Officer.Of(User((Claims.CitizenId, "1999900000013"), (Claims.AgencyRoles, "reviewer"))));
        Assert.Null(Officer.Of(new ClaimsPrincipal(new ClaimsIdentity())));
    }
}
