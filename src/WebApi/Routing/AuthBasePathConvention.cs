using AuthPlatform.Application.Common.Options;
using Microsoft.Extensions.Options;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace AuthPlatform.WebApi.Routing;

/// <summary>
/// Prefixes the routes of [AuthApi] controllers with Auth:BasePath, so actions declare only their
/// BetterAuth path ("sign-in/email") and the base path stays configurable.
/// </summary>
public sealed class AuthBasePathConvention(string basePath) : IApplicationModelConvention
{
    /// <summary>
    /// Adds the convention once configuration is complete (hosts and tests may set the base path late).
    /// Reads configuration directly: MVC options are built before start-up validation has reported problems.
    /// </summary>
    public sealed class Setup(IConfiguration configuration) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions mvc) =>
            mvc.Conventions.Add(new AuthBasePathConvention(configuration[$"{AuthOptions.SectionName}:{nameof(AuthOptions.BasePath)}"] ?? new AuthOptions().BasePath));
    }

    public void Apply(ApplicationModel application)
    {
        var prefix = new AttributeRouteModel(new RouteAttribute(basePath.Trim('/')));
        var selectors = application.Controllers
            .Where(c => c.ControllerType.GetCustomAttribute<AuthApiAttribute>() is not null)
            .SelectMany(c => c.Actions)
            .SelectMany(a => a.Selectors)
            .Where(s => s.AttributeRouteModel is not null);
        foreach (var selector in selectors)
        {
            selector.AttributeRouteModel = AttributeRouteModel.CombineAttributeRouteModel(prefix, selector.AttributeRouteModel);
        }
    }
}
