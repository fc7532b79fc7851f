using AuthPlatform.Application.Common.Interfaces;

namespace AuthPlatform.Application.Audit;

/// <summary>The origin of work outside any request (a host without HTTP): the system itself. The web host replaces it.</summary>
internal sealed class HostAuditOrigin : IAuditOrigin
{
    public string? ActorId => "system";

    public string? IpAddress => null;

    public string? UserAgent => null;
}
