using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OneStop.Documents.Issuing;
using OneStop.Documents.Signing;
using OneStop.Documents.Status;
using OneStop.Licensing.Contracts;

namespace OneStop.Documents.Tests.Rules;

public sealed class DocumentRulesTests
{
    [Fact]
    public void StatusList_BitZeroIsTheFirstBytesHighestBit_AsTheSpecOrdersThem()
    {
        var bits = new byte[StatusList.Size / 8];
        bits = StatusList.With(bits, 0, true);
        bits = StatusList.With(bits, 9, true);
        Assert.Equal(0x80, bits[0]);
        Assert.Equal(0x40, bits[1]);
        Assert.True(StatusList.IsSet(bits, 0));
        Assert.True(StatusList.IsSet(bits, 9));
        Assert.False(StatusList.IsSet(bits, 1));
        Assert.False(StatusList.IsSet(StatusList.With(bits, 9, false), 9));
    }

    [Fact]
    public void StatusList_EncodedList_IsMultibaseBase64UrlOfGzip_AndReadsBack()
    {
        var bits = StatusList.With(new byte[StatusList.Size / 8], 131_071, true);
        var encoded = StatusList.Encode(bits);
        Assert.StartsWith("u", encoded, StringComparison.Ordinal);
        Assert.DoesNotContain('=', encoded);
        Assert.DoesNotContain('+', encoded);
        Assert.Equal(bits, StatusList.Decode(encoded));
        // An independent reader: GZip's magic number after the multibase prefix.
        var gzip = System.Buffers.Text.Base64Url.DecodeFromChars(encoded.AsSpan(1));
        Assert.Equal([0x1f, 0x8b], gzip[..2]);
        Assert.Throws<FormatException>(() => StatusList.Decode("z" + encoded[1..]));
    }

    [Fact]
    public void Thumbprint_IsRfc7638_AsAnIndependentJoseLibraryComputesIt()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = ecdsa.ExportParameters(false).Q;
        var x = Base64UrlEncoder.Encode(point.X);
        var y = Base64UrlEncoder.Encode(point.Y);
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ecdsa));
        Assert.Equal(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), DocumentSigner.Thumbprint(x, y));
    }

    [Theory]
    [InlineData("did:web:onestop.go.th:agencies:03006000", "03006000")]
    [InlineData("did:web:localhost%3A5080:agencies:21043000", "21043000")]
    [InlineData("did:web:onestop.go.th", null)]
    [InlineData("did:key:z6Mk:agencies:03006000", null)]
    [InlineData("did:web:x:agencies:", null)]
    [InlineData("did:web:x:agencies:../../etc", null)]
    [InlineData(null, null)]
    public void AgencyOf_ReadsTheAgencyCodeOfOurDidsOnly(string? did, string? agency) => Assert.Equal(agency, DocumentSigner.AgencyOf(did));

    [Fact]
    public void ValidUntil_FollowsTheCatalogueTerm()
    {
        var issued = new DateTime(2026, 12, 6, 3, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2027, 12, 6, 3, 0, 0, DateTimeKind.Utc), IssueDocument.ValidUntil(new Validity(ValidityTerm.Months, 12, true, null), issued));
        // The last second of 31 December 2569 in Thailand (UTC+7).
        Assert.Equal(new DateTime(2026, 12, 31, 16, 59, 59, DateTimeKind.Utc), IssueDocument.ValidUntil(new Validity(ValidityTerm.EndOfYear, null, true, null), issued));
        // Issued on 31 December after 17:00 UTC it is already 1 January in Thailand: valid to the end of that year.
        Assert.Equal(new DateTime(2027, 12, 31, 16, 59, 59, DateTimeKind.Utc),
            IssueDocument.ValidUntil(new Validity(ValidityTerm.EndOfYear, null, true, null), new DateTime(2026, 12, 31, 18, 0, 0, DateTimeKind.Utc)));
        Assert.Null(IssueDocument.ValidUntil(new Validity(ValidityTerm.None, null, false, null), issued));
        Assert.Null(IssueDocument.ValidUntil(new Validity(ValidityTerm.OneOff, null, false, null), issued));
        Assert.Null(IssueDocument.ValidUntil(new Validity(ValidityTerm.Months, null, true, null), issued));
    }
}
