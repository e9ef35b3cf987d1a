"""xhscover: an offline workbench for Xiaohongshu note covers."""

__version__ = "0.1.0"
APP_NAME = "xhscover"
