"""The repair team tab (维修服务队)."""
