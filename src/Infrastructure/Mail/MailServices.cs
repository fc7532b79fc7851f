using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Infrastructure.Mail;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers mail: SMTP settings (validated at start-up), templates, the outbox sender and the doctor's probe.</summary>
public static class MailServices
{
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton<MailTransport>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<MailTransport>());
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<SmtpProbe>();
        services.AddHostedService<MailOutboxSender>();
        return services;
    }
}
