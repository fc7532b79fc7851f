using Microsoft.Extensions.Options;
using MimeKit;

namespace AuthPlatform.Infrastructure.Mail;

internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        if (options.Host!.Any(char.IsWhiteSpace) || Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            problems.Add("Auth:Smtp:Host must be a host name or address, e.g. smtp.example.com.");
        }

        if (options.Port is < 1 or > 65535)
        {
            problems.Add("Auth:Smtp:Port must be between 1 and 65535.");
        }

        if (!Enum.IsDefined(options.Tls))
        {
            problems.Add("Auth:Smtp:Tls must be None, StartTls or Implicit.");
        }

        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@'))
        {
            problems.Add("Auth:Smtp:From must be a sender address, e.g. \"Example <no-reply@example.com>\".");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            problems.Add("Auth:Smtp:Username and Auth:Smtp:Password must be set together (or neither).");
        }

        if (options.TemplateDirectory is { Length: > 0 } directory && !Directory.Exists(directory))
        {
            problems.Add($"Auth:Smtp:TemplateDirectory '{directory}' does not exist.");
        }

        if (options.PollInterval <= TimeSpan.Zero || options.RetryFirstDelay <= TimeSpan.Zero || options.RetryMaxDelay < options.RetryFirstDelay)
        {
            problems.Add("Auth:Smtp:PollInterval and RetryFirstDelay must be positive, and RetryMaxDelay at least RetryFirstDelay.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            problems.Add("Auth:Smtp:Timeout must be positive, e.g. 00:00:30.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
