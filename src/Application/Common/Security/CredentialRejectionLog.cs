using AuthPlatform.Application.Common.Telemetry;
using Microsoft.Extensions.Logging;

namespace AuthPlatform.Application.Common.Security;

/// <summary>
/// The one log event for a rejected credential, wherever it is rejected (HTTP layer or handler).
/// Query: RejectionReason = 'expired'. Carries ids, never the token. Counted by the same code
/// (metric authplatform.credential_rejections, tag reason).
/// </summary>
public static partial class CredentialRejectionLog
{
    [LoggerMessage(EventId = 4010, Level = LogLevel.Information,
        Message = "Credential rejected: {RejectionReason} (session {SessionId}, user {UserId}, via {CredentialSource})")]
    private static partial void Rejected(ILogger logger, string rejectionReason, string? sessionId, string? userId, string credentialSource);

    public static void Log(ILogger logger, CredentialRejection rejection, string credentialSource, string? sessionId = null, string? userId = null)
    {
        var code = rejection.ToCode();
        AuthMetrics.CredentialRejected(code);
        Rejected(logger, code, sessionId, userId, credentialSource);
    }
}
