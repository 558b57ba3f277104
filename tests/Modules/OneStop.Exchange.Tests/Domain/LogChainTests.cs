using System.Security.Cryptography;
using OneStop.Exchange.Data;
using OneStop.Exchange.MessageLog;

namespace OneStop.Exchange.Tests.Domain;

public sealed class LogChainTests
{
    private static readonly SigningKey StoredKey = LogSigner.NewKey(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
    private static readonly SigningKey OtherStoredKey = LogSigner.NewKey(new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc));

    // Whole microseconds: what every database keeps.
    private static readonly DateTime Time = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560);

    private static readonly LogEntry Entry = new(
        Time, "TH-6f1c", "0b7e7c2e-req", "TH/GOV/DEMO/counter", "TH/GOV/DOPA/population/persons", "GET", "/1999900000013",
        "TH1999900000013", "APP-2026-0001", "GOV/0105999000016", "1999900000013", 200, null, "request-hash", "request-body-hash", "response-body-hash", []);

    /// <summary>Every field of a log record except its own hash and signature.</summary>
    public static TheoryData<string> HashedFields => new(typeof(MessageLogRecord).GetProperties()
        .Select(p => p.Name).Where(n => n is not (nameof(MessageLogRecord.Hash) or nameof(MessageLogRecord.Signature))));

    [Fact]
    public void Seal_NewRecord_HashMatchesItsContentAndSignatureVerifies()
    {
        var record = LogChain.Seal(Entry, 1, LogChain.Genesis, Key(StoredKey));

        Assert.Equal(64, record.Hash.Length);
        Assert.Equal(LogChain.HashOf(record), record.Hash);
        Assert.Equal(LogChain.Genesis, record.PreviousHash);
        Assert.Equal(StoredKey.KeyId, record.KeyId);
        Assert.True(LogSigner.Verify(StoredKey.PublicKey, record.Hash, record.Signature));
    }

    [Fact]
    public void Seal_SecondRecord_LinksToTheFirst()
    {
        var first = LogChain.Seal(Entry, 1, LogChain.Genesis, Key(StoredKey));
        var second = LogChain.Seal(Entry with { RequestId = "next" }, 2, first.Hash, Key(StoredKey));

        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal(LogChain.HashOf(second), second.Hash);
    }

    [Fact]
    public void Seal_SameContentAtAnotherPlaceInTheChain_HasAnotherHash()
    {
        var first = LogChain.Seal(Entry, 1, LogChain.Genesis, Key(StoredKey));
        var again = LogChain.Seal(Entry, 2, first.Hash, Key(StoredKey));
        Assert.NotEqual(first.Hash, again.Hash);
    }

    [Theory]
    [MemberData(nameof(HashedFields))]
    public void HashOf_AnyFieldChanged_DiffersFromTheSealedHash(string field)
    {
        var record = LogChain.Seal(Entry, 7, new string('a', 64), Key(StoredKey));
        var property = typeof(MessageLogRecord).GetProperty(field)!;
        var value = property.GetValue(record);
        property.SetValue(record, value switch
        {
            string s => s + "x",
            null => "x",
            int i => i + 1,
            long l => l + 1,
            DateTime t => t.AddTicks(10),
            _ => throw new InvalidOperationException($"No change defined for {field} of type {property.PropertyType}."),
        });

        Assert.NotEqual(record.Hash, LogChain.HashOf(record));
    }

    [Fact]
    public void Verify_SignatureOverAnotherHash_Fails()
    {
        var record = LogChain.Seal(Entry, 1, LogChain.Genesis, Key(StoredKey));
        var other = LogChain.Seal(Entry with { Status = 403, ErrorType = "Server.ServerProxy.AccessDenied" }, 1, LogChain.Genesis, Key(StoredKey));

        Assert.True(LogSigner.Verify(StoredKey.PublicKey, other.Hash, other.Signature));
        Assert.False(LogSigner.Verify(StoredKey.PublicKey, other.Hash, record.Signature));
        Assert.False(LogSigner.Verify(StoredKey.PublicKey, record.Hash, other.Signature));
    }

    [Fact]
    public void Verify_WithAnotherKeysPublicKey_Fails()
    {
        var record = LogChain.Seal(Entry, 1, LogChain.Genesis, Key(StoredKey));
        Assert.False(LogSigner.Verify(OtherStoredKey.PublicKey, record.Hash, record.Signature));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("")]
    [InlineData("AAAA")]
    public void Verify_MalformedSignature_FailsWithoutThrowing(string signature)
    {
        var record = LogChain.Seal(Entry, 1, LogChain.Genesis, Key(StoredKey));
        Assert.False(LogSigner.Verify(StoredKey.PublicKey, record.Hash, signature));
    }

    [Fact]
    public void NewKey_TwoKeys_HaveDistinctIdsDerivedFromThePublicKey()
    {
        Assert.NotEqual(StoredKey.KeyId, OtherStoredKey.KeyId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(StoredKey.PublicKey)))[..16], StoredKey.KeyId);
    }

    /// <summary>
    /// PostgreSQL keeps timestamps to the microsecond (Npgsql drops the last tick digit), SQLite keeps
    /// all seven digits. A record sealed with the clock's 100-ns ticks must still verify after the round trip.
    /// </summary>
    [Fact]
    public void HashOf_TimeReadBackAtMicrosecondPrecision_StillMatchesTheSealedHash()
    {
        var record = LogChain.Seal(Entry with { Time = Time.AddTicks(7) }, 1, LogChain.Genesis, Key(StoredKey));
        var stored = typeof(MessageLogRecord).GetProperty(nameof(MessageLogRecord.Time))!;
        stored.SetValue(record, new DateTime(record.Time.Ticks - (record.Time.Ticks % 10), DateTimeKind.Utc));

        Assert.Equal(record.Hash, LogChain.HashOf(record));
    }

    private static LogSigner.Key Key(SigningKey stored)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.PrivateKey!), out _);
        return new LogSigner.Key(stored.KeyId, ecdsa);
    }
}
