using GraphGuard.Api.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// Declares in the OpenAPI document how the service authenticates: an HTTP bearer scheme (the API key as
/// the token) and the equivalent X-Api-Key header, and on each operation that needs a key, the scope it
/// needs (OpenAPI 3.1 lets non-OAuth requirements list role names). A generated client then knows to send a key.
/// </summary>
internal static class OpenApiSecurity
{
    public const string Bearer = "bearer";
    public const string ApiKeyHeader = "api_key";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "gg_<prefix>_<secret>",
                Description = "An API key made by 'graphguard keys create', sent as 'Authorization: Bearer <key>'",
            };
            document.Components.SecuritySchemes[ApiKeyHeader] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "The same key in the X-Api-Key header",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredScope>().FirstOrDefault() is { } required)
            {
                var scope = Scopes.Name(required.Scope);
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [scope] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyHeader, context.Document)] = [scope] },
                ];
            }
            return Task.CompletedTask;
        });
    }
}
