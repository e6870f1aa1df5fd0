using GraphGuard.Api.Security;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GraphGuard.Api.Dashboard;

/// <summary>Hangfire's dashboard at <see cref="Path"/>, behind <see cref="DashboardGate"/> and <see cref="OperationsKeyFilter"/>.</summary>
internal static class JobsDashboard
{
    public const string Path = "/jobs";

    public static void AddServices(IServiceCollection services, Action<IGlobalConfiguration> storage) => services.AddHangfire(storage);

    public static void Map(WebApplication app)
    {
        var filter = new OperationsKeyFilter(app.Services.GetRequiredService<ApiKeyCache>());
        app.Map(Path, dashboard =>
        {
            dashboard.UseMiddleware<DashboardGate>();
            dashboard.UseHangfireDashboard("", new DashboardOptions
            {
                Authorization = [filter],
                IsReadOnlyFunc = filter.IsReadOnly,
                DashboardTitle = "GraphGuard jobs",
                AppPath = null,
                DisplayStorageConnectionString = false,
            });
        });
    }
}
