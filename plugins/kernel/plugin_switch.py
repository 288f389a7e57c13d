"""Whether one of our Saleor plugins is switched on in the dashboard (its `active` flag).

Asked of a plugins manager the caller already has (the request's `info.context.plugins`):
it read every PluginConfiguration once when it was built, so this costs no query.
"""


def is_switched_on(manager, plugin_id: str) -> bool:
    # A plugin the manager does not build (not in settings.PLUGINS) is off.
    plugin = manager.get_plugin(plugin_id)
    return plugin is not None and plugin.active
