using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AuthPlatform.Infrastructure.Mail;

/// <summary>
/// One SMTP session (MailKit), opened on first use and kept while the outbox has work, so a burst of
/// mails shares one connection. Any failure closes it; the next send reconnects.
/// </summary>
public sealed class SmtpConnection(IOptions<SmtpOptions> options) : IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(RenderedMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From!));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();

        try
        {
            var client = await ConnectedAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            await CloseAsync();
            throw;
        }
    }

    /// <summary>Connects, negotiates TLS and authenticates as configured; for the doctor's probe too.</summary>
    public static async Task<SmtpClient> OpenAsync(SmtpOptions settings, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var socketOptions = settings.Tls switch
        {
            SmtpTlsMode.Implicit => SecureSocketOptions.SslOnConnect,
            SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, socketOptions, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task CloseAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // Closing a broken connection; nothing to save.
            }
            finally
            {
                client.Dispose();
            }
        }
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } client)
        {
            return client;
        }

        await CloseAsync();
        _client = await OpenAsync(options.Value, cancellationToken);
        return _client;
    }
}
