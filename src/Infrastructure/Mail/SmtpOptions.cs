namespace AuthPlatform.Infrastructure.Mail;

/// <summary>How mail leaves the service (section "Auth:Smtp"). Without a host, no mail is sent and the mail routes say so.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Auth:Smtp";

    /// <summary>The SMTP server (AUTH_SMTP_HOST). Unset: mail is off.</summary>
    public string? Host { get; set; }

    /// <summary>587 for STARTTLS, 465 for implicit TLS, 25 (or a local catcher's port) without TLS.</summary>
    public int Port { get; set; } = 587;

    public SmtpTlsMode Tls { get; set; } = SmtpTlsMode.StartTls;

    /// <summary>Optional; set together with <see cref="Password"/>.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address, e.g. "Example Auth &lt;no-reply@example.com&gt;" or "no-reply@example.com".</summary>
    public string? From { get; set; }

    /// <summary>The product name the templates print.</summary>
    public string AppName { get; set; } = "AuthPlatform";

    /// <summary>A folder whose files replace the built-in templates of the same name (see docs/deployment.md).</summary>
    public string? TemplateDirectory { get; set; }

    /// <summary>How often the outbox is polled when no request has nudged it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Wait before the first retry of a failed delivery; doubles per attempt up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryFirstDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Connect, TLS, authenticate and send each get this long.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public enum SmtpTlsMode
{
    /// <summary>Plain SMTP (a local mail catcher; never over the internet).</summary>
    None,

    /// <summary>Plain connect, then STARTTLS, required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Implicit,
}
