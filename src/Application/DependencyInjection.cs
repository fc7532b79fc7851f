using AuthPlatform.Application.Common.Behaviours;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Application.Tokens;
using FluentValidation;
using Mapster;
using MapsterMapper;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Application layer: Mediator with its pipeline, validators, mappings, options.</summary>
public static class ApplicationDependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Source-generated mediator. Scoped, because handlers use the scoped DbContext.
        // Behaviours run in array order, first = outermost: the handler's span holds its log lines (they
        // carry its trace id), and logging sees validation failures too.
        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(TracingBehaviour<,>),
                typeof(LoggingBehaviour<,>),
                typeof(SignInFailureAuditBehaviour<,>), // refused sign-ins, validation refusals included
                typeof(ValidationBehaviour<,>),
                typeof(AuthPlatform.Application.Organizations.OrganizationGateBehaviour<,>),
            ];
        });

        services.AddValidatorsFromAssembly(typeof(ApplicationDependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        // A private mapping config (not GlobalSettings). Each mapping compiles on its first use rather than at
        // start-up (part of being ready in a second); MappingTests compile them all, so a broken one fails a test.
        var mappings = new TypeAdapterConfig();
        mappings.Scan(typeof(ApplicationDependencyInjection).Assembly);
        services.AddSingleton(mappings);
        services.AddSingleton<IMapper>(sp => new Mapper(sp.GetRequiredService<TypeAdapterConfig>()));

        services.AddSingleton<AuthPlatform.Application.Common.Limits.RequestLimiter>();

        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SessionOptions>, SessionOptionsValidator>();
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddOptions<OAuthServerOptions>().BindConfiguration(OAuthServerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OAuthServerOptions>, OAuthServerOptionsValidator>();
        services.AddSingleton<AuthPlatform.Application.OAuthConsents.OAuthConsentCode>();
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddScoped<AuthPlatform.Application.Mail.DeliverMail.MailJobPreparer>();
        services.AddScoped<AuthPlatform.Application.Mail.MailOutbox>();
        services.AddScoped<AuthPlatform.Application.ApiKeys.ApiKeyVerifier>();
        services.AddScoped<AuthPlatform.Application.Operators.RegisterOAuthClient.OAuthClientRegistrar>();
        services.AddScoped<AuthPlatform.Application.Operators.ImportBetterAuth.UserBatchImporter>();
        services.AddScoped<AuthPlatform.Application.Operators.ImportBetterAuth.SessionBatchImporter>();
        services.AddOptions<MagicLinkOptions>().BindConfiguration(MagicLinkOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MagicLinkOptions>, MagicLinkOptionsValidator>();
        services.AddOptions<EmailOtpOptions>().BindConfiguration(EmailOtpOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOtpOptions>, EmailOtpOptionsValidator>();
        services.AddScoped<AuthPlatform.Application.Mail.MailedCodes>();
        services.AddScoped<AuthPlatform.Application.Common.Security.PasswordReset>();
        services.AddOptions<BreachedPasswordOptions>().BindConfiguration(BreachedPasswordOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BreachedPasswordOptions>, BreachedPasswordOptionsValidator>();
        services.AddSingleton<AuthPlatform.Application.Common.Security.PasswordBreachCheck>();
        services.AddOptions<UsernameOptions>().BindConfiguration(UsernameOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UsernameOptions>, UsernameOptionsValidator>();
        services.AddSingleton<AuthPlatform.Application.Common.Validation.UsernamePolicy>();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        services.AddScoped<AuthPlatform.Application.Admin.AdminAuthorization>();
        services.AddScoped<AuthPlatform.Application.Audit.AuditTrail>();
        services.AddScoped<AuthPlatform.Application.Webhooks.WebhookDispatcher>();
        services.AddSingleton<IAuditOrigin, AuthPlatform.Application.Audit.HostAuditOrigin>(); // the web host adds its own, which wins
        services.AddOptions<AuthPlatform.Application.Organizations.OrganizationOptions>()
            .BindConfiguration(AuthPlatform.Application.Organizations.OrganizationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthPlatform.Application.Organizations.OrganizationOptions>, AuthPlatform.Application.Organizations.OrganizationOptionsValidator>();
        services.AddSingleton<AuthPlatform.Application.Organizations.OrganizationRoles>();
        services.AddScoped<AuthPlatform.Application.Organizations.OrganizationAccess>();
        services.AddScoped<AuthPlatform.Application.Organizations.OrganizationRoleBook>();
        services.AddScoped<AuthPlatform.Application.Organizations.OrganizationRosters>();
        services.AddScoped<AuthPlatform.Application.Organizations.InvitationLimits>();

        // doctor: the checks that judge settings and rows (Infrastructure and WebApi add theirs).
        services.AddSingleton<IDoctorCheck, SecretCheck>();
        services.AddSingleton<IDoctorCheck, MigrationsCheck>();
        services.AddSingleton<IDoctorCheck, SigningKeysCheck>();
        services.AddSingleton<IDoctorCheck, ClockCheck>();

        services.AddSignInPipeline();
        services.AddScoped<AuthPlatform.Application.Common.Security.VerifiedAddressPolicy>();
        services.AddSecondFactors();
        services.AddSocialSignIn();

        return services;
    }
}
