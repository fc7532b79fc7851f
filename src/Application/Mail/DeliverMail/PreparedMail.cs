using AuthPlatform.Domain.Mail;

namespace AuthPlatform.Application.Mail.DeliverMail;

/// <summary>A mail ready to render: its kind (which template), recipient and the template's values (name, url, ...).</summary>
public sealed record PreparedMail(MailKind Kind, string Recipient, IReadOnlyDictionary<string, string> Values)
{
    // The values hold a live link; never print them.
    public override string ToString() => $"PreparedMail({Kind})";
}
