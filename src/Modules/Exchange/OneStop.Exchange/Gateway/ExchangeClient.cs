using OneStop.Exchange.Data;

namespace OneStop.Exchange.Gateway;

/// <summary>
/// A client of the exchange as the gateway holds it: a subsystem, or a member with connection settings of
/// its own (PR-REST 4.3 allows <c>X-Road-Client: INSTANCE/CLASS/MEMBER</c>). Both authenticate alike.
/// A plain value, shared by every request until the directory is read again.
/// </summary>
internal sealed record ExchangeClient(
    string Id, string Name, ConnectionType ConnectionType, IReadOnlyList<string> AllowedAddresses, string? ClientCertificateThumbprint, string? OAuthClientId)
{
    public static ExchangeClient Of(Subsystem subsystem)
        => new(subsystem.Id, subsystem.Name, subsystem.ConnectionType, [.. subsystem.AllowedAddresses], subsystem.ClientCertificateThumbprint, subsystem.OAuthClientId);

    /// <summary>The member as a client, or null when it has no connection settings (it only owns subsystems).</summary>
    public static ExchangeClient? Of(Member member)
        => member.ConnectionType is { } type
            ? new(member.Id, member.Name, type, [.. member.AllowedAddresses], member.ClientCertificateThumbprint, member.OAuthClientId)
            : null;
}
