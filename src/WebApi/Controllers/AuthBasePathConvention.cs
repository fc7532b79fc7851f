using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// Prefixes the routes of [AuthApi] controllers with Auth:BasePath, so actions declare only their
/// BetterAuth path ("sign-in/email") and the base path stays configurable.
/// </summary>
public sealed class AuthBasePathConvention(string basePath) : IApplicationModelConvention
{
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
