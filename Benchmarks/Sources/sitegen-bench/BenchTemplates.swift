/// The templates the `templates` benchmark compiles: a realistic page shell and a list
/// page that extends it, in the style of `themes/default` (head, nav from the menu,
/// footer; a card per page with date, tags and summary).
enum BenchTemplates {
    static let base = """
        {%- set home = config.base_url if config.base_url is ending_with("/") else config.base_url ~ "/" -%}
        <!doctype html>
        <html lang="{{ config.language | default(value='en') }}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{% block title %}{{ config.title }}{% endblock title %}</title>
        <link rel="canonical" href="{{ current_url }}">
        <link rel="alternate" type="application/rss+xml" title="{{ config.title }}" href="{{ current_url }}rss.xml">
        {% block head %}{% endblock head %}
        </head>
        <body>
        <header class="site-header">
          <a class="site-title" href="{{ home }}">{{ config.title }}</a>
          <nav>
            <ul>
            {%- for item in config.menu.main %}
              <li><a href="{{ item.url }}"{% if item.url == current_path %} aria-current="page"{% endif %}>{{ item.name }}</a></li>
            {%- endfor %}
            </ul>
          </nav>
        </header>
        <main>
        {% block content %}{% endblock content %}
        </main>
        <footer><p>&copy; {{ now | date(format="%Y") }} {{ config.title }}</p></footer>
        </body>
        </html>
        """

    static let list = """
        {% extends "base.html" %}
        {% block title %}{{ section.title }} · {{ config.title }}{% endblock title %}
        {% block content %}
        <h1>{{ section.title }}</h1>
        {%- if section.content %}
        <div class="prose">{{ section.content }}</div>
        {%- endif %}
        <ol class="page-list">
        {%- for p in section.pages %}
          <li id="item-{{ loop.index }}"{% if loop.first %} class="first"{% endif %}>
            <h2><a href="{{ p.permalink }}">{{ p.title }}</a>{% if p.draft %} <span class="badge">Draft</span>{% endif %}</h2>
            <p class="meta">
              <time datetime="{{ p.date }}">{{ p.date | date('%B %e, %Y') }}</time>
              {%- if p.taxonomies.tags | length > 0 %} · {{ p.taxonomies.tags | join(", ") }}{% endif %}
            </p>
            {%- if p.summary %}
            <p class="summary">{{ p.summary }}</p>
            {%- endif %}
          </li>
        {%- endfor %}
        </ol>
        <p class="count">{{ section.pages | length }} pages</p>
        {% endblock content %}
        """
}
