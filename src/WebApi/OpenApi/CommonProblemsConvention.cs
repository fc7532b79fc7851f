using System.Reflection;
using AuthPlatform.WebApi.Routing;
using AuthPlatform.WebApi.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.OpenApi;

/// <summary>
/// Declares, for the OpenAPI document, the problem responses that middleware (not the action) gives:
/// every route 503 (store or hashing pool unavailable); auth routes 429 (rate limits); state-changing auth
/// routes 403 (origin check) and, for their JSON bodies, 400 (validation), 413 (too large), 415 (not JSON).
/// Route-specific problems are declared on the actions with <see cref="ProducesProblemAttribute"/>.
/// </summary>
public sealed class CommonProblemsConvention : IApplicationModelConvention
{
    public sealed class Setup : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options) => options.Conventions.Add(new CommonProblemsConvention());
    }

    public void Apply(ApplicationModel application)
    {
        foreach (var controller in application.Controllers)
        {
            var authApi = controller.ControllerType.GetCustomAttribute<AuthApiAttribute>() is not null;
            foreach (var action in controller.Actions)
            {
                var writes = action.Attributes.OfType<HttpPostAttribute>().Any();
                Add(action, StatusCodes.Status503ServiceUnavailable);
                if (authApi)
                {
                    Add(action, StatusCodes.Status429TooManyRequests);
                }

                if (authApi && writes)
                {
                    Add(action, StatusCodes.Status400BadRequest);
                    Add(action, StatusCodes.Status403Forbidden);
                    Add(action, StatusCodes.Status413PayloadTooLarge);
                    Add(action, StatusCodes.Status415UnsupportedMediaType);
                }
            }
        }
    }

    private static void Add(ActionModel action, int status)
    {
        var declared = action.Filters.OfType<ProducesResponseTypeAttribute>().Concat(action.Attributes.OfType<ProducesResponseTypeAttribute>());
        if (!declared.Any(p => p.StatusCode == status))
        {
            action.Filters.Add(new ProducesResponseTypeAttribute(typeof(ProblemResponse), status, ProblemResponse.ContentType));
        }
    }
}
