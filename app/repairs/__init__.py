"""The volunteer repair team (维修志愿服务队): volunteers, repair jobs, home safety checks."""
