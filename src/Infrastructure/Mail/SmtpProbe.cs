using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Mail;

/// <summary>
/// The doctor's SMTP check: connect, negotiate TLS and authenticate as configured, then QUIT, sending
/// nothing. Reports what failed in plain words (never the password).
/// </summary>
public sealed class SmtpProbe(IOptions<SmtpOptions> options)
{
    public sealed record Outcome(bool Configured, bool Ok, string Detail);

    public async Task<Outcome> CheckAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return new Outcome(Configured: false, Ok: true, "mail is off (Auth:Smtp:Host is not set): password reset and email verification answer 'not enabled'");
        }

        var target = $"{settings.Host}:{settings.Port} ({settings.Tls}{(string.IsNullOrEmpty(settings.Username) ? string.Empty : ", authenticated")})";
        try
        {
            using var client = await SmtpConnection.OpenAsync(settings, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new Outcome(Configured: true, Ok: true, $"SMTP server {target} accepted the connection");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new Outcome(Configured: true, Ok: false, $"SMTP server {target}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
