using AuthPlatform.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Mail;

/// <summary>Whether SMTP is configured, and the in-process nudge that wakes the outbox sender early.</summary>
public sealed class MailTransport(IOptions<SmtpOptions> options) : IMailTransport, IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public bool IsConfigured => options.Value.IsConfigured;

    public void NotifyJobsWritten()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already nudged.
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Waits for a nudge or the poll interval, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) => _signal.WaitAsync(pollInterval, cancellationToken);
}
