namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Whether the service can send mail (an SMTP server is configured), and a nudge for the outbox sender
/// after a request has written mail jobs, so they go out at once rather than at the next poll.
/// </summary>
public interface IMailTransport
{
    bool IsConfigured { get; }

    void NotifyJobsWritten();
}
