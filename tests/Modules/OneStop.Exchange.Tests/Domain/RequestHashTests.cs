using OneStop.Exchange.Gateway;
using GatewayExchange = OneStop.Exchange.Gateway.Exchange;

namespace OneStop.Exchange.Tests.Domain;

public sealed class RequestHashTests
{
    private static readonly GatewayExchange Request = new(
        "TH-1", "request-1", "TH/GOV/DEMO/counter", "TH/GOV/DOPA/population/card-check", "POST", "/", null, "APP-1", null);

    [Fact]
    public void RequestHash_SameRequest_IsTheSameBase64Sha512()
    {
        var hash = ExchangeGateway.RequestHash(Request, "{\"a\":1}"u8.ToArray());
        Assert.Equal(hash, ExchangeGateway.RequestHash(Request, "{\"a\":1}"u8.ToArray()));
        Assert.Equal(64, Convert.FromBase64String(hash).Length);
    }

    [Fact]
    public void RequestHash_DifferentBodies_Differ()
        => Assert.NotEqual(ExchangeGateway.RequestHash(Request, "{\"a\":1}"u8.ToArray()), ExchangeGateway.RequestHash(Request, "{\"a\":2}"u8.ToArray()));

    [Fact]
    public void RequestHash_BodyOrNone_Differ()
        => Assert.NotEqual(ExchangeGateway.RequestHash(Request, []), ExchangeGateway.RequestHash(Request, "x"u8.ToArray()));

    [Theory]
    [InlineData("/1999900000013")]
    [InlineData("/?x=1")]
    [InlineData("/other")]
    public void RequestHash_DifferentPaths_Differ(string path)
        => Assert.NotEqual(ExchangeGateway.RequestHash(Request, []), ExchangeGateway.RequestHash(Request with { Path = path }, []));

    [Fact]
    public void RequestHash_OtherClientMethodIssueOrMessageId_Differs()
    {
        var hash = ExchangeGateway.RequestHash(Request, []);
        Assert.NotEqual(hash, ExchangeGateway.RequestHash(Request with { Client = "TH/GOV/DEMO/other" }, []));
        Assert.NotEqual(hash, ExchangeGateway.RequestHash(Request with { Method = "GET" }, []));
        Assert.NotEqual(hash, ExchangeGateway.RequestHash(Request with { Issue = "APP-2" }, []));
        Assert.NotEqual(hash, ExchangeGateway.RequestHash(Request with { XRoadId = "TH-2" }, []));
        Assert.NotEqual(hash, ExchangeGateway.RequestHash(Request with { UserId = "TH1999900000013" }, []));
    }
}
