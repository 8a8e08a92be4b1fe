"""The Campaigns and Correspondence sections."""
